import { useQuery } from '@apollo/client/react';
import { HomeDocument } from '../../graphql/generated';
import { useI18n } from '../../shared/i18n';
import { ErrorNotice, Loading } from '../../shared/ui';
import { CategoryChips } from '../CategoryChips';
import { usePageMeta } from '../page-meta';
import { firstRow, ProductCard } from '../ProductCard';
import { useShopText } from '../shop-texts';

export function HomePage() {
  const { t } = useI18n();
  const text = useShopText();
  const { data, error } = useQuery(HomeDocument);
  usePageMeta(t('home.title'), text('meta.home'));
  // The hero (the page's largest text) and headings need no data: they show at once, and the
  // categories and products fill in below them as the query answers.
  return (
    <>
      <section className="hero">
        <h1>{t('home.title')}</h1>
        <p>{text('meta.home')}</p>
      </section>
      {error ? (
        <ErrorNotice error={error} />
      ) : !data ? (
        <Loading />
      ) : (
        <>
          <nav aria-label={t('home.categories')}>
            <CategoryChips categories={data.categories} />
          </nav>
          <h2>{t('home.popular')}</h2>
          <ul className="grid">
            {data.products.nodes.map((product, index) => (
              <ProductCard key={product.id} product={product} eager={index < firstRow} />
            ))}
          </ul>
        </>
      )}
    </>
  );
}
