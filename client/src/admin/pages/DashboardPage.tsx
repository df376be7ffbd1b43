import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { DashboardDocument } from '../../graphql/generated';
import { won } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { ErrorNotice, Loading } from '../../shared/ui';
import { BarChart } from '../BarChart';
import { seoulDate } from '../dates';
import { ordersToShipLink } from '../order-search';
import { lowStockThreshold } from '../products/ProductFilters';

/** Days since this Korean week's Monday (0 on a Monday). */
const daysSinceMonday = (day: string) => (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;

/**
 * What needs doing: orders to ship and returns waiting, each a link to the list filtered to them,
 * products running low (a few, each a link to its editor), and today's and this week's sales after refunds from settlement's daily statements (Korean
 * business days). A shop that has taken no payment yet says so instead of drawing an empty chart.
 */
export function DashboardPage() {
  const { t } = useI18n();
  const today = seoulDate();
  // The last seven days always reach back to this week's Monday.
  const { data, error } = useQuery(DashboardDocument, {
    variables: { from: seoulDate(6), to: today, lowStockAtMost: lowStockThreshold },
    fetchPolicy: 'cache-and-network',
  });
  if (error) return <ErrorNotice error={error} />;
  if (!data) return <Loading />;
  const sum = (counts: readonly { count: number }[]) =>
    counts.reduce((total, entry) => total + entry.count, 0);
  const toShip = sum(data.adminOrderCounts);
  const returnsWaiting = sum(data.adminReturnCounts);
  const netOf = (date: string) => {
    const day = data.settlementStatements.find((statement) => statement.date === date);
    return day ? day.payments - day.refunds : 0;
  };
  const week = Array.from({ length: daysSinceMonday(today) + 1 }, (_, index) => seoulDate(index));
  const weekNet = week.reduce((total, date) => total + netOf(date), 0);
  const anySales = data.settlementStatements.some((day) => day.payments > 0 || day.refunds > 0);
  const fresh = toShip === 0 && returnsWaiting === 0 && !anySales;
  return (
    <>
      <h1>{t('admin.dashboard')}</h1>
      {fresh ? (
        <section className="card" aria-labelledby="dashboard-fresh">
          <h2 id="dashboard-fresh">{t('admin.freshShop')}</h2>
          <p>{t('admin.freshShopHint')}</p>
          <p>
            <Link to="/products">{t('admin.addProducts')}</Link>
          </p>
        </section>
      ) : (
        <>
          <section className="card" aria-labelledby="dashboard-todo">
            <h2 id="dashboard-todo">{t('admin.workToDo')}</h2>
            {toShip === 0 && returnsWaiting === 0 ? <p>{t('admin.nothingToDo')}</p> : null}
            <ul className="row">
              <li>
                <Link to={ordersToShipLink}>{t('admin.ordersToShip', { count: toShip })}</Link>
              </li>
              <li>
                <Link to="/returns">{t('admin.returnsWaiting', { count: returnsWaiting })}</Link>
              </li>
            </ul>
            {data.lowStock.nodes.length > 0 ? (
              <>
                <h3>{t('admin.lowStock', { count: lowStockThreshold })}</h3>
                <ul>
                  {data.lowStock.nodes.map((product) => (
                    <li key={product.id}>
                      <Link to={`/products/${product.id}`}>{product.name}</Link>
                    </li>
                  ))}
                  {data.lowStock.hasNextPage ? (
                    <li>
                      <Link to="/products">{t('admin.lowStockMore')}</Link>
                    </li>
                  ) : null}
                </ul>
              </>
            ) : null}
          </section>
          <section className="card" aria-labelledby="dashboard-sales">
            <h2 id="dashboard-sales">{t('admin.netSales')}</h2>
            <ul className="row">
              <li>
                <Link to="/settlement">
                  {t('admin.netSalesToday', { amount: won(netOf(today)) })}
                </Link>
              </li>
              <li>
                <Link to="/settlement">{t('admin.netSalesWeek', { amount: won(weekNet) })}</Link>
              </li>
            </ul>
          </section>
          <BarChart
            title={t('admin.salesChart')}
            bars={Array.from({ length: 7 }, (_, index) => {
              const date = seoulDate(6 - index);
              return { label: date, value: netOf(date) };
            })}
          />
        </>
      )}
    </>
  );
}
