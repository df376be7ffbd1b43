import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { HomeDocument } from '../../graphql/generated';
import { useI18n } from '../../shared/i18n';
import { ErrorNotice, Loading } from '../../shared/ui';
import { ProductCard } from '../ProductCard';

export function HomePage() {
  const { t } = useI18n();
  const { data, error } = useQuery(HomeDocument);
  if (error) return <ErrorNotice error={error} />;
  if (!data) return <Loading />;
  return (
    <>
      <h1>{t('home.title')}</h1>
      <nav aria-label={t('home.categories')}>
        <ul className="row" style={{ listStyle: 'none', padding: 0 }}>
          {data.categories.map((category) => (
            <li key={category.id}>
              <Link className="button" to={`/search?category=${category.id}`}>
                {category.name}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <h2>{t('home.popular')}</h2>
      <ul className="grid">
        {data.products.nodes.map((product) => (
          <ProductCard key={product.id} product={product} />
        ))}
      </ul>
    </>
  );
}
