import { useI18n } from '../shared/i18n';
import { useMoney } from './money';

/**
 * The money of a cart or an order, row by row, as the server priced it. Rows not given are left
 * out (the cart has no coupon or points yet), as are discounts of nothing. `itemsTotal` is the
 * goods after their discounts, for the cart, whose total row adds shipping to it.
 */
export function PriceSummary(props: {
  label: string;
  subtotal: number;
  productDiscount: number;
  couponDiscount?: number;
  itemsTotal?: number;
  pointsUsed?: number;
  shippingFee?: number;
  total?: { label: string; amount: number };
}) {
  const { t } = useI18n();
  const money = useMoney();
  const deduction = (amount: number | undefined) => (amount ? `−${money(amount)}` : undefined);
  const rows: [label: string, amount: string | undefined][] = [
    [t('checkout.subtotal'), money(props.subtotal)],
    [t('checkout.productDiscount'), deduction(props.productDiscount)],
    [t('checkout.couponDiscount'), deduction(props.couponDiscount)],
    [t('cart.total'), props.itemsTotal === undefined ? undefined : money(props.itemsTotal)],
    [t('checkout.pointsUsed'), deduction(props.pointsUsed)],
    [t('orders.shipping'), props.shippingFee === undefined ? undefined : money(props.shippingFee)],
  ];
  return (
    <table aria-label={props.label} className="summary">
      <tbody>
        {rows.map(([label, amount]) =>
          amount === undefined ? null : (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td className="num">{amount}</td>
            </tr>
          ),
        )}
        {props.total ? (
          <tr className="total">
            <th scope="row">{props.total.label}</th>
            <td className="num price">{money(props.total.amount)}</td>
          </tr>
        ) : null}
      </tbody>
    </table>
  );
}
