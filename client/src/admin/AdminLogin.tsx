import { useI18n } from '../shared/i18n';
import { LoginForm } from '../shared/LoginForm';

export function AdminLogin() {
  const { t } = useI18n();
  return (
    <main>
      <LoginForm title={t('admin.title')} />
    </main>
  );
}
