import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../shared/i18n';
import type { LinePrice, LineView } from './line-view';
import { useMoney } from './money';
import { percentOff } from './sale-price';

/**
 * The lines of a cart or an order: picture, name, options, unit price, discounts and amount.
 * `controls` renders what the shopper may change on a line (the cart's quantity and remove).
 */
export function LineList({
  label,
  lines,
  controls,
}: {
  label: string;
  lines: LineView[];
  controls?: (line: LineView) => ReactNode;
}) {
  return (
    <ul className="lines" aria-label={label}>
      {lines.map((line) => (
        <LineItem key={line.skuId} line={line} controls={controls?.(line)} />
      ))}
    </ul>
  );
}

function LineItem({ line, controls }: { line: LineView; controls: ReactNode }) {
  const { t } = useI18n();
  const money = useMoney();
  return (
    <li className="line">
      {line.thumbnail ? (
        <img src={line.thumbnail} alt={`${line.productName} ${line.optionsLabel}`.trim()} />
      ) : (
        <span className="no-image" />
      )}
      <div>
        <Link to={`/products/${line.productId}`}>{line.productName}</Link>
        {line.optionsLabel ? <div className="muted">{line.optionsLabel}</div> : null}
        {line.price ? <LinePricing price={line.price} quantity={line.quantity} /> : null}
        {line.unavailable ? <div className="error">{t('cart.unavailable')}</div> : null}
        {controls}
      </div>
      <div className="num price">{line.price ? money(line.price.lineTotal) : null}</div>
    </li>
  );
}

/**
 * The line's arithmetic, so it adds up to its amount: list price × quantity, then the product
 * discount (with its rate) and the line's share of the coupon.
 */
function LinePricing({ price, quantity }: { price: LinePrice; quantity: number }) {
  const { t } = useI18n();
  const money = useMoney();
  return (
    <>
      <div>
        {money(price.unitPrice)} × {t('orders.quantity', { count: quantity })}
      </div>
      {price.productDiscount > 0 ? (
        <div className="muted">
          {t('checkout.productDiscount')}{' '}
          <span className="sale-rate">
            {percentOff({ price: price.unitPrice, salePrice: price.salePrice })}%
          </span>{' '}
          −{money(price.productDiscount)}
        </div>
      ) : null}
      {price.couponDiscount > 0 ? (
        <div className="muted">
          {t('checkout.couponDiscount')} −{money(price.couponDiscount)}
        </div>
      ) : null}
    </>
  );
}
