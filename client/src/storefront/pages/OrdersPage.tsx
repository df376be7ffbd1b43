import { useQuery } from '@apollo/client/react';
import { Link, Navigate } from 'react-router';
import { MyOrdersDocument } from '../../graphql/generated';
import { dateTime } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { useSession } from '../../shared/session';
import { Empty, ErrorNotice, Loading } from '../../shared/ui';
import { useMoney } from '../money';
import { usePageMeta } from '../page-meta';
import { useShopText } from '../shop-texts';

/** One's orders, newest first: a table on a wide screen, a card per order on a phone. */
export function OrdersPage() {
  const signedIn = useSession();
  const { t, locale } = useI18n();
  const text = useShopText();
  const money = useMoney();
  const { data, error } = useQuery(MyOrdersDocument, { skip: !signedIn });
  usePageMeta(t('orders.title'), text('meta.orders'));
  if (!signedIn) return <Navigate to="/login?next=/orders" replace />;
  if (error) return <ErrorNotice error={error} />;
  if (!data?.me) return <Loading />;
  const orders = data.me.orders.nodes;
  return (
    <>
      <h1>{t('orders.title')}</h1>
      {orders.length === 0 ? (
        <Empty>{t('orders.none')}</Empty>
      ) : (
        <table className="order-table">
          <thead>
            <tr>
              <th>{t('orders.date')}</th>
              <th>{t('orders.name')}</th>
              <th>{t('orders.status')}</th>
              <th className="num">{t('orders.total')}</th>
            </tr>
          </thead>
          <tbody>
            {orders.map((order) => (
              <tr key={order.id}>
                <td className="order-date">{dateTime(order.createdAt, locale)}</td>
                <td className="order-name">
                  <Link to={`/orders/${order.id}`}>{order.orderName}</Link>
                </td>
                <td className="order-status">
                  <span className="status">{t(`orderStatus.${order.status}`)}</span>
                </td>
                <td className="num order-total">
                  <span className="price">{money(order.totalAmount)}</span>
                  {order.refundedAmount > 0 ? (
                    <div className="muted">
                      {t('orders.refundedOf', { amount: money(order.refundedAmount) })}
                    </div>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
