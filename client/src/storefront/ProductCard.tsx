import { Link } from 'react-router';
import type { ProductCardFragment } from '../graphql/generated';
import { useI18n } from '../shared/i18n';
import { cheapestOnSale } from './sale-price';
import { SalePrice } from './SalePrice';

/** How many cards a first screen shows (a phone's first two rows, a wide screen's first row). */
export const firstRow = 4;
/** A thumbnail's size: square, its box reserved before it loads. */
export const thumbnailSize = 400;

/**
 * A product in a list. The cards a first screen shows are `eager`: their pictures load at once;
 * the rest load as they scroll near.
 */
export function ProductCard({
  product,
  eager = false,
}: {
  product: ProductCardFragment;
  eager?: boolean;
}) {
  const { t } = useI18n();
  const advertised = cheapestOnSale(product.skus);
  return (
    <li className="card">
      <Link to={`/products/${product.id}`} className="card-link">
        {product.thumbnail ? (
          <img
            src={product.thumbnail}
            alt={product.name}
            width={thumbnailSize}
            height={thumbnailSize}
            loading={eager ? 'eager' : 'lazy'}
            decoding="async"
          />
        ) : (
          <span className="no-image" />
        )}
        {/* The picture already names the link: the name is not read out twice. */}
        <span className="card-name" aria-hidden={product.thumbnail ? true : undefined}>
          {product.name}
        </span>
      </Link>
      {product.brand ? <div className="card-brand">{product.brand.name}</div> : null}
      {advertised ? (
        <div className="price">
          <SalePrice
            price={advertised.cheapest.price}
            salePrice={advertised.cheapest.salePrice}
            from={advertised.varies}
          />
        </div>
      ) : null}
      {product.inStock ? null : <div className="muted">{t('product.soldOut')}</div>}
    </li>
  );
}
