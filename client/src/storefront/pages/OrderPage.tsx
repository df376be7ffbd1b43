import { useMutation, useQuery } from '@apollo/client/react';
import { Navigate, useParams } from 'react-router';
import {
  CancelOrderDocument,
  ConfirmPurchaseDocument,
  OrderDetailDocument,
  type OrderStatus,
} from '../../graphql/generated';
import { dateTime } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { useSession } from '../../shared/session';
import { ErrorNotice, Loading, ResultError } from '../../shared/ui';
import { CancelOrderAction } from '../CancelOrderAction';
import { useMoney } from '../money';
import { usePageMeta } from '../page-meta';
import { PayPendingOrder } from '../PayPendingOrder';
import { ReturnRequestForm } from '../ReturnRequestForm';
import { useShopText } from '../shop-texts';

/** A return may be asked for once the order arrived, until every unit is back. */
const returnableStatuses: OrderStatus[] = ['DELIVERED', 'PARTIALLY_RETURNED', 'COMPLETED'];
/** Not yet confirmed: 구매 확정 is offered in these unless a return is open. */
const confirmWaits: OrderStatus[] = ['DELIVERED', 'PARTIALLY_RETURNED'];

export function OrderPage() {
  const signedIn = useSession();
  const { id } = useParams();
  if (!signedIn) return <Navigate to={`/login?next=/orders/${id}`} replace />;
  return <Order id={id!} />;
}

function Order({ id }: { id: string }) {
  const { t, locale } = useI18n();
  const text = useShopText();
  const money = useMoney();
  const { data, error } = useQuery(OrderDetailDocument, { variables: { id }, pollInterval: 5000 });
  usePageMeta(
    data ? (data.order?.orderName ?? t('orders.notFound')) : t('orders.title'),
    text('meta.order'),
  );
  const refetchQueries = ['OrderDetail'];
  const [confirmPurchase, confirming] = useMutation(ConfirmPurchaseDocument, { refetchQueries });
  const [cancelOrder, cancelling] = useMutation(CancelOrderDocument, { refetchQueries });
  if (error) return <ErrorNotice error={error} />;
  if (!data) return <Loading />;
  const order = data.order;
  if (!order) return <p>{t('orders.notFound')}</p>;
  // A refused 구매 확정 (a return open, say) is told while it is still not offered; once the order
  // moves on (the return closes, or takes the last unit back) the refusal no longer applies.
  const confirmRefusal =
    !order.canConfirmPurchase && confirmWaits.includes(order.status)
      ? confirming.data?.confirmPurchase
      : undefined;
  const failure = [confirmRefusal, cancelling.data?.cancelOrder].find(
    (result) => result && result.__typename !== 'Order',
  );
  const returnableLines = returnableStatuses.includes(order.status)
    ? order.lines.filter((line) => line.returnableQuantity > 0)
    : [];
  return (
    <>
      <h1>
        {order.orderName}{' '}
        <span className="status" data-testid="order-status">
          {t(`orderStatus.${order.status}`)}
        </span>
      </h1>
      <p className="muted">{dateTime(order.createdAt, locale)}</p>
      <table aria-label={t('orders.lines')}>
        <tbody>
          {order.lines.map((line) => (
            <tr key={line.id}>
              <td>
                {line.productName}
                <div className="muted">
                  {line.options.map((option) => option.value).join(' · ')}
                </div>
              </td>
              <td className="num">{t('orders.quantity', { count: line.quantity })}</td>
              <td className="num">
                {money(line.paidAmount)}
                {line.returnedQuantity > 0 ? (
                  <div className="muted" data-testid="line-returned">
                    {t('orders.lineReturned', {
                      count: line.returnedQuantity,
                      amount: money(line.refundedAmount),
                    })}
                  </div>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <dl className="summary">
        <dt>{t('checkout.subtotal')}</dt>
        <dd>{money(order.subtotal)}</dd>
        <dt>{t('checkout.productDiscount')}</dt>
        <dd>−{money(order.productDiscount)}</dd>
        <dt>{t('checkout.couponDiscount')}</dt>
        <dd>−{money(order.couponDiscount)}</dd>
        <dt>{t('checkout.pointsUsed')}</dt>
        <dd>−{money(order.pointsUsed)}</dd>
        <dt>{t('orders.shipping')}</dt>
        <dd>{money(order.shippingFee)}</dd>
        <dt>{t('orders.total')}</dt>
        <dd className="price">{money(order.totalAmount)}</dd>
        {order.refundedAmount > 0 ? (
          <>
            <dt>{t('orders.refunded')}</dt>
            <dd data-testid="refunded-amount">{money(order.refundedAmount)}</dd>
          </>
        ) : null}
      </dl>
      {order.payment && order.payment.cancelledAmount > 0 ? (
        <p data-testid="payment-refund">
          {t('orders.paymentRefunded', { amount: money(order.payment.cancelledAmount) })}
        </p>
      ) : null}
      {order.status === 'PENDING' ? <PayPendingOrder orderId={order.id} /> : null}
      <div className="row">
        {order.canConfirmPurchase ? (
          <button
            type="button"
            className="primary"
            onClick={() => void confirmPurchase({ variables: { id } })}
          >
            {t('orders.confirmPurchase')}
          </button>
        ) : null}
        {order.status === 'PENDING' || order.status === 'PAID' ? (
          <CancelOrderAction
            order={order}
            busy={cancelling.loading}
            onCancel={() => void cancelOrder({ variables: { id } })}
          />
        ) : null}
      </div>
      {order.openReturns > 0 && confirmWaits.includes(order.status) ? (
        <p role="note" className="muted" data-testid="return-open">
          {t('orders.returnOpen')}
        </p>
      ) : null}
      {failure && failure.__typename !== 'Order' ? <ResultError result={failure} /> : null}
      <h2>{t('orders.shipment')}</h2>
      {order.shipments.length === 0 ? <p className="muted">{t('orders.noShipment')}</p> : null}
      {order.shipments.map((shipment) => (
        <section key={shipment.id}>
          <p>
            <span className="status" data-testid="shipment-status">
              {t(`shipmentStatus.${shipment.status}`)}
            </span>{' '}
            {shipment.carrier} {shipment.trackingNumber}
          </p>
          <ol className="timeline">
            {shipment.timeline.map((step) => (
              <li key={`${step.status}-${step.occurredAt}`}>
                {dateTime(step.occurredAt, locale)} · {t(`shipmentStatus.${step.status}`)} ·{' '}
                {step.location} <span className="muted">{step.description}</span>
              </li>
            ))}
          </ol>
        </section>
      ))}
      {order.returns.length > 0 || returnableLines.length > 0 ? (
        <h2>{t('returns.title')}</h2>
      ) : null}
      {order.returns.map((ret) => (
        <p key={ret.id}>
          {t(`returnType.${ret.type}`)} ·{' '}
          <span className="status" data-testid="return-status">
            {t(`returnStatus.${ret.status}`)}
          </span>
          {ret.refundedAmount > 0
            ? ` · ${t('returns.refunded', { amount: money(ret.refundedAmount) })}`
            : null}
        </p>
      ))}
      {returnableStatuses.includes(order.status) ? (
        <ReturnRequestForm orderId={order.id} lines={returnableLines} />
      ) : null}
    </>
  );
}
