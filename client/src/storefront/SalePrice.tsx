import { useI18n } from '../shared/i18n';
import { useMoney } from './money';
import { percentOff, type Priced } from './sale-price';

/**
 * A price as a shopper reads it: "10% 39,000원 → 35,100원" during a sale, else the price alone;
 * `from` when other options cost more.
 */
export function SalePrice({ price, salePrice, from = false }: Priced & { from?: boolean }) {
  const { t } = useI18n();
  const money = useMoney();
  const now = from ? t('product.from', { price: money(salePrice) }) : money(salePrice);
  if (salePrice >= price) return <>{now}</>;
  return (
    <>
      <span className="sale-rate">{percentOff({ price, salePrice })}%</span>{' '}
      <s className="muted">{money(price)}</s> → {now}
    </>
  );
}
