import { useQuery } from '@apollo/client/react';
import { DashboardDocument } from '../../graphql/generated';
import { won } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { ErrorNotice, Loading } from '../../shared/ui';
import { BarChart } from '../BarChart';
import { seoulDate } from '../dates';

export function DashboardPage() {
  const { t } = useI18n();
  const today = seoulDate();
  const { data, error } = useQuery(DashboardDocument, {
    variables: { from: seoulDate(6), to: today },
  });
  if (error) return <ErrorNotice error={error} />;
  if (!data) return <Loading />;
  const todays = data.adminOrders.nodes.filter((order) => seoulDateOf(order.createdAt) === today);
  const sales = data.settlementStatements.find((day) => day.date === today);
  return (
    <>
      <h1>{t('admin.dashboard')}</h1>
      <p>
        {t('admin.todayOrders', { count: todays.length })} ·{' '}
        {t('admin.todaySales', { amount: won(sales?.payments ?? 0) })}
      </p>
      <BarChart
        title={t('admin.salesChart')}
        bars={Array.from({ length: 7 }, (_, index) => {
          const date = seoulDate(6 - index);
          const day = data.settlementStatements.find((statement) => statement.date === date);
          return { label: date, value: day?.payments ?? 0 };
        })}
      />
    </>
  );
}

const seoulDateOf = (iso: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul' }).format(new Date(iso));
