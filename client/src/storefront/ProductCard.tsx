import { Link } from 'react-router';
import type { ProductCardFragment } from '../graphql/generated';
import { won } from '../shared/format';
import { useI18n } from '../shared/i18n';

export function ProductCard({ product }: { product: ProductCardFragment }) {
  const { t } = useI18n();
  return (
    <li className="card">
      <Link to={`/products/${product.id}`}>
        {product.thumbnail ? <img src={product.thumbnail} alt="" /> : null}
        <span>{product.name}</span>
      </Link>
      {product.brand ? <div className="muted">{product.brand.name}</div> : null}
      <div className="price">
        {product.minPrice === product.maxPrice
          ? won(product.minPrice)
          : t('product.from', { price: won(product.minPrice) })}
      </div>
      {product.inStock ? null : <div className="muted">{t('product.soldOut')}</div>}
    </li>
  );
}
