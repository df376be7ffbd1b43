import { Link } from 'react-router';
import { useI18n } from '../../shared/i18n';

export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <>
      <h1>{t('notFound.title')}</h1>
      <Link to="/">{t('notFound.home')}</Link>
    </>
  );
}
