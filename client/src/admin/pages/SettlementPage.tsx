import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { ReconcileDocument, SettlementDocument } from '../../graphql/generated';
import { won } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { Empty, ErrorNotice, Loading } from '../../shared/ui';
import { BarChart } from '../BarChart';
import { download, toCsv } from '../csv';
import { seoulDate } from '../dates';
import { ReadOnlyNote } from '../ReadOnlyNote';
import { useMayDo } from '../staff-duty';
import { TableScroll } from '../TableScroll';

const columns = [
  'date',
  'gross',
  'productDiscounts',
  'couponDiscounts',
  'points',
  'shipping',
  'payments',
  'refunds',
  'returnFees',
  'pgFees',
  'net',
] as const;

export function SettlementPage() {
  const { t } = useI18n();
  const mayReconcile = useMayDo()('settlement');
  const [from, setFrom] = useState(seoulDate(13));
  const [to, setTo] = useState(seoulDate());
  const { data, error } = useQuery(SettlementDocument, { variables: { from, to } });
  const [reconcile, reconciled] = useMutation(ReconcileDocument, {
    refetchQueries: ['Settlement'],
  });
  const statements = data?.settlementStatements ?? [];
  return (
    <>
      <h1>{t('admin.settlement')}</h1>
      <ReadOnlyNote duty="settlement" />
      <div className="row">
        <label htmlFor="from">{t('admin.from')}</label>
        <input
          id="from"
          type="date"
          value={from}
          onChange={(event) => setFrom(event.target.value)}
        />
        <label htmlFor="to">{t('admin.to')}</label>
        <input id="to" type="date" value={to} onChange={(event) => setTo(event.target.value)} />
        <button
          type="button"
          onClick={() =>
            download(
              `settlement-${from}-${to}.csv`,
              toCsv([
                [...columns],
                ...statements.map((day) => columns.map((column) => day[column])),
              ]),
            )
          }
        >
          {t('admin.exportCsv')}
        </button>
      </div>
      {error ? <ErrorNotice error={error} /> : null}
      {!data ? (
        <Loading />
      ) : statements.length === 0 ? (
        <Empty>{t('admin.noStatements')}</Empty>
      ) : (
        <>
          <BarChart
            title={t('admin.netChart')}
            bars={statements.map((day) => ({ label: day.date, value: Math.max(0, day.net) }))}
          />
          <TableScroll label={t('admin.netChart')}>
            <table>
              <thead>
                <tr>
                  {columns.map((column) => (
                    <th key={column} className={column === 'date' ? undefined : 'num'}>
                      {t(`statement.${column}`)}
                    </th>
                  ))}
                  {mayReconcile ? (
                    <th>
                      <span className="sr-only">{t('admin.reconcile')}</span>
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {statements.map((day) => (
                  <tr key={day.date}>
                    {columns.map((column) => (
                      <td key={column} className={column === 'date' ? undefined : 'num'}>
                        {column === 'date' ? day.date : won(day[column])}
                      </td>
                    ))}
                    {mayReconcile ? (
                      <td>
                        <button
                          type="button"
                          onClick={() => void reconcile({ variables: { date: day.date } })}
                        >
                          {t('admin.reconcile')}
                        </button>
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          <h2>{t('admin.brandStatements')}</h2>
          <TableScroll label={t('admin.brandStatements')}>
            <table>
              <tbody>
                {data.brandStatements.map((row) => (
                  <tr key={`${row.date}-${row.brand?.id ?? 'none'}`}>
                    <td>{row.date}</td>
                    <td>{row.brand?.name ?? t('admin.noBrand')}</td>
                    <td className="num">{won(row.sales)}</td>
                    <td className="num">−{won(row.refunds)}</td>
                    <td className="num">{won(row.net)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      )}
      {reconciled.data ? (
        <p role="status">
          {reconciled.data.reconcileSettlement.differences.length === 0
            ? t('admin.reconciled', { date: reconciled.data.reconcileSettlement.date })
            : t('admin.differences', {
                count: reconciled.data.reconcileSettlement.differences.length,
              })}
        </p>
      ) : null}
    </>
  );
}
