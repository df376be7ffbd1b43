import { useQuery } from '@apollo/client/react';
import { Link, useParams } from 'react-router';
import { AdminOrderDocument, type AdminOrderQuery } from '../../graphql/generated';
import { dateTime, won } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { QueryView } from '../../shared/ui';
import { OrderTimeline } from '../OrderTimeline';
import { RefundLineForm } from '../RefundLineForm';
import { ReturnSteps } from '../ReturnSteps';
import { ShipForm } from '../ShipForm';
import { useMayDo } from '../staff-duty';

type Order = NonNullable<AdminOrderQuery['order']>;
const refetchQueries = ['AdminOrder', 'OrderStaffActions'];

/** One order for the operator: what was bought, where it goes, the money, and what happened. */
export function OrderPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const { data, error } = useQuery(AdminOrderDocument, { variables: { id } });
  return (
    <QueryView
      result={{ data, error }}
      isEmpty={(found) => !found.order}
      empty={t('orders.notFound')}
    >
      {(found) => <OrderDetail order={found.order!} />}
    </QueryView>
  );
}

function OrderDetail({ order }: { order: Order }) {
  const { t, locale } = useI18n();
  const mayDo = useMayDo();
  const address = order.shippingAddress;
  return (
    <>
      <p className="row no-print">
        <Link to="/orders">{t('admin.allOrders')}</Link>
        <Link to={`/orders/${order.id}/packing-slip`}>{t('admin.packingSlip')}</Link>
      </p>
      <h1>{order.orderName}</h1>
      <p className="row">
        <span className="status" data-testid="order-status">
          {t(`orderStatus.${order.status}`)}
        </span>
        <span className="muted">
          {t('admin.orderNumber')} {order.id} · {dateTime(order.createdAt, locale)}
        </span>
      </p>

      <section className="card" aria-labelledby="order-lines">
        <h2 id="order-lines">{t('orders.lines')}</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('admin.itemName')}</th>
              <th scope="col">{t('admin.options')}</th>
              <th scope="col">{t('admin.quantity')}</th>
              <th scope="col">{t('admin.paid')}</th>
            </tr>
          </thead>
          <tbody>
            {order.lines.map((line) => (
              <tr key={line.id} data-line-id={line.id}>
                <td>{line.productName}</td>
                <td>
                  {line.options.map((option) => `${option.name}: ${option.value}`).join(', ')}
                </td>
                <td>{t('orders.quantity', { count: line.quantity })}</td>
                <td>
                  {won(line.paidAmount)}
                  {line.returnedQuantity > 0
                    ? ` · ${t('orders.lineReturned', { count: line.returnedQuantity, amount: won(line.refundedAmount) })}`
                    : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section className="card" aria-labelledby="order-address">
        <h2 id="order-address">{t('admin.shippingAddress')}</h2>
        <p data-testid="shipping-address">
          {address.recipient} · {t('admin.phone')} {address.phone}
          <br />({address.postalCode}) {address.line1} {address.line2 ?? ''}
        </p>
      </section>

      <section className="card" aria-labelledby="order-payment">
        <h2 id="order-payment">{t('admin.payment')}</h2>
        <p>
          {t('orders.total')} {won(order.totalAmount)} ({t('orders.shipping')}{' '}
          {won(order.shippingFee)})
        </p>
        {order.payment ? (
          <p data-testid="payment">
            {t(`paymentStatus.${order.payment.status}`)} · {t('admin.paymentMethod')}{' '}
            {order.payment.method ?? '—'} · {won(order.payment.amount)}
            {order.payment.cancelledAmount > 0
              ? ` · ${t('orders.paymentRefunded', { amount: won(order.payment.cancelledAmount) })}`
              : null}
          </p>
        ) : null}
      </section>

      <section className="card" aria-labelledby="order-shipments">
        <h2 id="order-shipments">{t('orders.shipment')}</h2>
        {order.shipments.length === 0 ? <p className="muted">{t('orders.noShipment')}</p> : null}
        {order.shipments.map((shipment) => (
          <p key={shipment.id} className="row" data-testid="shipment">
            {t(`shipmentStatus.${shipment.status}`)} {shipment.carrier} {shipment.trackingNumber}
            {shipment.status === 'READY' && mayDo('fulfilment') ? (
              <ShipForm orderId={order.id} refetchQueries={refetchQueries} />
            ) : null}
          </p>
        ))}
      </section>

      {order.returns.length > 0 ? (
        <section className="card" aria-labelledby="order-returns">
          <h2 id="order-returns">{t('admin.returns')}</h2>
          {order.returns.map((ret) => (
            <div key={ret.id} className="row" data-testid="return">
              {t(`returnType.${ret.type}`)} · {t(`returnReason.${ret.reason}`)} ·{' '}
              <span className="status">{t(`returnStatus.${ret.status}`)}</span>
              {ret.refundedAmount > 0 ? won(ret.refundedAmount) : null}
              {mayDo('refunds') ? <ReturnSteps ret={ret} refetchQueries={refetchQueries} /> : null}
            </div>
          ))}
        </section>
      ) : null}

      {mayDo('refunds') ? (
        <RefundLineForm orderId={order.id} lines={order.lines} refetchQueries={refetchQueries} />
      ) : null}

      <OrderTimeline order={order} />
    </>
  );
}
