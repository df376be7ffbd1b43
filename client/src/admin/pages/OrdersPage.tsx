import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import {
  AdminOrdersDocument,
  ShipOrderDocument,
  type AdminOrdersQuery,
  type OrderStatus,
} from '../../graphql/generated';
import { dateTime, won } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { QueryView, ResultError } from '../../shared/ui';
import { ReturnSteps } from '../ReturnSteps';

const statuses: OrderStatus[] = [
  'PAID',
  'PREPARING',
  'SHIPPED',
  'DELIVERED',
  'PARTIALLY_RETURNED',
  'COMPLETED',
  'RETURNED',
  'CANCELLING',
  'CANCELLED',
  'PENDING',
  'FAILED',
];
type AdminOrder = AdminOrdersQuery['adminOrders']['nodes'][number];

export function OrdersPage() {
  const { t } = useI18n();
  const [status, setStatus] = useState<OrderStatus | ''>('');
  const { data, error } = useQuery(AdminOrdersDocument, { variables: { status: status || null } });
  return (
    <>
      <h1>{t('admin.orders')}</h1>
      <label htmlFor="status-filter">{t('orders.status')}</label>
      <select
        id="status-filter"
        value={status}
        onChange={(event) => setStatus(event.target.value as OrderStatus | '')}
      >
        <option value="">{t('admin.all')}</option>
        {statuses.map((candidate) => (
          <option key={candidate} value={candidate}>
            {t(`orderStatus.${candidate}`)}
          </option>
        ))}
      </select>
      <QueryView
        result={{ data, error }}
        isEmpty={(found) => found.adminOrders.nodes.length === 0}
        empty={t('orders.none')}
      >
        {(found) =>
          found.adminOrders.nodes.map((order) => <OrderRow key={order.id} order={order} />)
        }
      </QueryView>
    </>
  );
}

function OrderRow({ order }: { order: AdminOrder }) {
  const { t, locale } = useI18n();
  const [carrier, setCarrier] = useState('CJ대한통운');
  const [trackingNumber, setTrackingNumber] = useState('');
  const refetchQueries = ['AdminOrders'];
  const [ship, shipped] = useMutation(ShipOrderDocument, { refetchQueries });
  const shipment = order.shipments[0];
  const shipFailure = shipped.data?.shipOrder;
  return (
    <section className="card" aria-label={order.orderName} data-order-id={order.id}>
      <p className="row">
        <strong>{order.orderName}</strong>
        <span className="status">{t(`orderStatus.${order.status}`)}</span>
        <span>{won(order.totalAmount)}</span>
        {order.refundedAmount > 0 ? (
          <span>{t('orders.refundedOf', { amount: won(order.refundedAmount) })}</span>
        ) : null}
        <span className="muted">
          {dateTime(order.createdAt, locale)} · {order.shippingAddress.recipient}
        </span>
      </p>
      {order.payment ? (
        <p className="muted">
          {t('admin.payment')}: {t(`paymentStatus.${order.payment.status}`)} ·{' '}
          {won(order.payment.amount)}
          {order.payment.cancelledAmount > 0
            ? ` · ${t('orders.paymentRefunded', { amount: won(order.payment.cancelledAmount) })}`
            : null}
        </p>
      ) : null}
      {shipment ? (
        <p className="row">
          {t('orders.shipment')}: {t(`shipmentStatus.${shipment.status}`)} {shipment.carrier}{' '}
          {shipment.trackingNumber}
          {shipment.status === 'READY' ? (
            <>
              <label htmlFor={`carrier-${order.id}`} className="sr-only">
                {t('admin.carrier')}
              </label>
              <input
                id={`carrier-${order.id}`}
                value={carrier}
                onChange={(event) => setCarrier(event.target.value)}
              />
              <label htmlFor={`tracking-${order.id}`} className="sr-only">
                {t('admin.trackingNumber')}
              </label>
              <input
                id={`tracking-${order.id}`}
                placeholder={t('admin.trackingNumber')}
                value={trackingNumber}
                onChange={(event) => setTrackingNumber(event.target.value)}
              />
              <button
                type="button"
                className="primary"
                onClick={() =>
                  void ship({
                    variables: {
                      orderId: order.id,
                      carrier,
                      trackingNumber: trackingNumber || null,
                    },
                  })
                }
              >
                {t('admin.ship')}
              </button>
            </>
          ) : null}
        </p>
      ) : null}
      {shipFailure && shipFailure.__typename !== 'Shipment' ? (
        <ResultError result={shipFailure} />
      ) : null}
      {order.returns.map((ret) => (
        <div key={ret.id} className="row">
          {t(`returnType.${ret.type}`)} · {t(`returnReason.${ret.reason}`)} ·{' '}
          <span className="status">{t(`returnStatus.${ret.status}`)}</span>
          {ret.refundedAmount > 0 ? won(ret.refundedAmount) : null}
          <ReturnSteps ret={ret} refetchQueries={refetchQueries} />
        </div>
      ))}
    </section>
  );
}
