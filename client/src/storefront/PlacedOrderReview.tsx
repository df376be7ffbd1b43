import { useMutation } from '@apollo/client/react';
import { CancelOrderDocument, type PlacedOrderFragment } from '../graphql/generated';
import { errorMessages } from '../shared/error-messages';
import { dateTime } from '../shared/format';
import { useI18n } from '../shared/i18n';
import { ErrorNotice, ResultError } from '../shared/ui';
import { LineList } from './LineList';
import { orderedLines } from './line-view';
import { useMoney } from './money';
import { PayAtPgButton } from './PayAtPgButton';
import { PriceSummary } from './PriceSummary';

/**
 * A placed order before payment: its lines and every figure as the order recorded them, shipping
 * included, so the amount on the pay button is the one the PG charges. Changing the order cancels
 * it, which gives back the stock, coupon and points it holds.
 */
export function PlacedOrderReview({
  order,
  customerName,
  onChanged,
}: {
  order: PlacedOrderFragment;
  customerName: string;
  onChanged: () => void;
}) {
  const { t, locale } = useI18n();
  const money = useMoney();
  const [cancelOrder, cancelling] = useMutation(CancelOrderDocument);
  // The sweeper may have failed it while it was being placed: then there is nothing to pay.
  const payable = order.status === 'PENDING';
  const change = async () => {
    if (payable) {
      const { data } = await cancelOrder({ variables: { id: order.id } });
      if (data?.cancelOrder.__typename !== 'Order') return;
    }
    onChanged();
  };
  const refusal = cancelling.data?.cancelOrder;
  return (
    <section aria-labelledby="placed-order">
      <h2 id="placed-order">{t('checkout.review')}</h2>
      <p>{order.orderName}</p>
      <LineList label={t('orders.lines')} lines={orderedLines(order)} />
      <PriceSummary
        label={t('checkout.summary')}
        subtotal={order.subtotal}
        productDiscount={order.productDiscount}
        couponDiscount={order.couponDiscount}
        pointsUsed={order.pointsUsed}
        shippingFee={order.shippingFee}
        total={{ label: t('orders.total'), amount: order.totalAmount }}
      />
      {payable ? (
        <p className="muted">{t('checkout.payBy', { time: dateTime(order.expiresAt, locale) })}</p>
      ) : (
        <p role="alert" className="error">
          {errorMessages.ORDER_NOT_PAYABLE[locale]}
        </p>
      )}
      {refusal && refusal.__typename !== 'Order' ? <ResultError result={refusal} /> : null}
      {cancelling.error ? <ErrorNotice error={cancelling.error} /> : null}
      <div className="row">
        {payable ? (
          <PayAtPgButton
            order={order}
            customerName={customerName}
            label={t('checkout.payAmount', { amount: money(order.totalAmount) })}
          />
        ) : null}
        <button type="button" disabled={cancelling.loading} onClick={() => void change()}>
          {t('checkout.change')}
        </button>
      </div>
    </section>
  );
}
