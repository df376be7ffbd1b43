import type { AdminCustomerQuery } from '../../graphql/generated';
import { dateTime, won } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { Empty } from '../../shared/ui';
import { TableScroll } from '../TableScroll';

type CustomerOrders = NonNullable<AdminCustomerQuery['user']>['orders'];

/** The customer's latest orders, as the order service keeps them (`User.orders`). */
export function CustomerOrdersTable({ orders }: { orders: CustomerOrders }) {
  const { t, locale } = useI18n();
  if (orders.nodes.length === 0) return <Empty>{t('admin.noCustomerOrders')}</Empty>;
  return (
    <>
      <TableScroll label={t('admin.customerOrders')}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('admin.orderedAt')}</th>
              <th scope="col">{t('admin.orderName')}</th>
              <th scope="col">{t('admin.orderStatus')}</th>
              <th scope="col" className="num">
                {t('admin.orderTotal')}
              </th>
            </tr>
          </thead>
          <tbody>
            {orders.nodes.map((order) => (
              <tr key={order.id}>
                <td>{dateTime(order.createdAt, locale)}</td>
                <td>{order.orderName}</td>
                <td>
                  <span className="status">{t(`orderStatus.${order.status}`)}</span>
                </td>
                <td className="num">
                  {won(order.totalAmount)}
                  {order.refundedAmount > 0 ? ` (−${won(order.refundedAmount)})` : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {orders.hasNextPage ? <p className="muted">{t('admin.moreOrders')}</p> : null}
    </>
  );
}
