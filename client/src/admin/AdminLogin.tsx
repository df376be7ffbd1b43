import { useI18n } from '../shared/i18n';
import { LoginForm } from '../shared/LoginForm';
import { session } from '../shared/session';

export function AdminLogin() {
  const { t } = useI18n();
  return (
    <main>
      <LoginForm title={t('admin.title')} onSignedIn={(signedIn) => session.set(signedIn)} />
    </main>
  );
}
