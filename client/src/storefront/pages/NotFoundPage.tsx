import { Link } from 'react-router';
import { useI18n } from '../../shared/i18n';
import { usePageMeta } from '../page-meta';
import { useShopText } from '../shop-texts';

export function NotFoundPage() {
  const { t } = useI18n();
  const text = useShopText();
  usePageMeta(t('notFound.title'), text('meta.notFound'));
  return (
    <>
      <h1>{t('notFound.title')}</h1>
      <Link to="/">{t('notFound.home')}</Link>
    </>
  );
}
