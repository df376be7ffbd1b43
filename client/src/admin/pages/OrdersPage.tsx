import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { AdminOrdersQuery, OrderStatus } from '../../graphql/generated';
import { dateTime, won } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { QueryView } from '../../shared/ui';
import { emptySearch, useOrderSearch, type OrderSearchForm } from '../order-search';
import { ReturnSteps } from '../ReturnSteps';
import { ShipForm } from '../ShipForm';
import { useMayDo } from '../staff-duty';

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
  const [params, setParams] = useSearchParams();
  // A link may ask for statuses (`?status=PAID&status=PREPARING`): the dashboard's "to ship".
  const linked = params
    .getAll('status')
    .filter((status): status is OrderStatus => statuses.includes(status as OrderStatus));
  const [form, setForm] = useState<OrderSearchForm>(emptySearch);
  const [search, setSearch] = useState<OrderSearchForm>({ ...emptySearch, statuses: linked });
  // Where the page shown starts: null for the newest orders.
  const [after, setAfter] = useState<string | null>(null);
  const result = useOrderSearch(search, after);
  const field = (name: keyof OrderSearchForm) => ({
    id: `order-search-${name}`,
    value: form[name],
    onChange: (event: { target: { value: string } }) =>
      setForm({ ...form, [name]: event.target.value }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSearch(form);
    setAfter(null);
    if (linked.length) setParams({});
  };
  const clearLinked = () => {
    setParams({});
    setSearch({ ...search, statuses: [] });
    setAfter(null);
  };
  return (
    <>
      <h1>{t('admin.orders')}</h1>
      <form
        className="card search-form"
        role="search"
        aria-label={t('admin.searchOrders')}
        onSubmit={submit}
      >
        <label htmlFor="order-search-orderNumber">{t('admin.orderNumber')}</label>
        <input {...field('orderNumber')} autoComplete="off" />
        <label htmlFor="order-search-customer">{t('admin.customer')}</label>
        <input {...field('customer')} autoComplete="off" />
        <label htmlFor="order-search-productName">{t('admin.itemName')}</label>
        <input {...field('productName')} autoComplete="off" />
        <label htmlFor="order-search-from">{t('admin.from')}</label>
        <input type="date" {...field('from')} />
        <label htmlFor="order-search-to">{t('admin.to')}</label>
        <input type="date" {...field('to')} />
        <label htmlFor="order-search-status">{t('orders.status')}</label>
        <select {...field('status')}>
          <option value="">{t('admin.all')}</option>
          {statuses.map((candidate) => (
            <option key={candidate} value={candidate}>
              {t(`orderStatus.${candidate}`)}
            </option>
          ))}
        </select>
        <button type="submit" className="primary">
          {t('admin.search')}
        </button>
      </form>
      {search.statuses?.length ? (
        <p className="row">
          <span>
            {t('admin.linkedStatuses', {
              statuses: search.statuses.map((status) => t(`orderStatus.${status}`)).join(', '),
            })}
          </span>
          <button type="button" onClick={clearLinked}>
            {t('admin.clearFilter')}
          </button>
        </p>
      ) : null}
      <QueryView
        result={result}
        isEmpty={(found) => found.adminOrders.nodes.length === 0}
        empty={t('orders.none')}
      >
        {(found) => (
          <>
            {found.adminOrders.nodes.map((order) => (
              <OrderRow key={order.id} order={order} />
            ))}
            <p className="row">
              {after ? (
                <button type="button" onClick={() => setAfter(null)}>
                  {t('admin.firstPage')}
                </button>
              ) : null}
              {found.adminOrders.hasNextPage ? (
                <button type="button" onClick={() => setAfter(found.adminOrders.endCursor ?? null)}>
                  {t('admin.olderOrders')}
                </button>
              ) : null}
            </p>
          </>
        )}
      </QueryView>
    </>
  );
}

function OrderRow({ order }: { order: AdminOrder }) {
  const { t, locale } = useI18n();
  const mayDo = useMayDo();
  const refetchQueries = ['AdminOrders'];
  const shipment = order.shipments[0];
  return (
    <section className="card" aria-label={order.orderName} data-order-id={order.id}>
      <p className="row">
        <Link to={`/orders/${order.id}`}>
          <strong>{order.orderName}</strong>
        </Link>
        <span className="status">{t(`orderStatus.${order.status}`)}</span>
        <span>{won(order.totalAmount)}</span>
        {order.refundedAmount > 0 ? (
          <span>{t('orders.refundedOf', { amount: won(order.refundedAmount) })}</span>
        ) : null}
        <span className="muted">
          {order.id.slice(0, 8)} · {dateTime(order.createdAt, locale)} ·{' '}
          {order.shippingAddress.recipient}
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
          {shipment.status === 'READY' && mayDo('fulfilment') ? (
            <ShipForm orderId={order.id} refetchQueries={refetchQueries} />
          ) : null}
        </p>
      ) : null}
      {order.returns.map((ret) => (
        <div key={ret.id} className="row">
          {t(`returnType.${ret.type}`)} · {t(`returnReason.${ret.reason}`)} ·{' '}
          <span className="status">{t(`returnStatus.${ret.status}`)}</span>
          {ret.refundedAmount > 0 ? won(ret.refundedAmount) : null}
          {mayDo('refunds') ? <ReturnSteps ret={ret} refetchQueries={refetchQueries} /> : null}
        </div>
      ))}
    </section>
  );
}
