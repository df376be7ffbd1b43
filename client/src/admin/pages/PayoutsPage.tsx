import { useState } from 'react';
import { useApolloClient, useQuery } from '@apollo/client/react';
import { BrandPayoutsCsvDocument, BrandPayoutsDocument } from '../../graphql/generated';
import { won } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { Empty, ErrorNotice, Loading } from '../../shared/ui';
import { download } from '../csv';
import { seoulDate } from '../dates';
import { TableScroll } from '../TableScroll';

const figures = ['confirmedSales', 'refundsAfterConfirmation', 'commission', 'payout'] as const;
/** Taken off the confirmed sales on the way to the payout. */
const deducted = new Set<string>(['refundsAfterConfirmation', 'commission']);

const percentFormat = new Intl.NumberFormat('ko-KR', { maximumFractionDigits: 2 });
/** A deduction as the table shows it: "−3,000원" (a negative one, given back, "+3,000원"). */
const deduction = (amount: number) =>
  amount > 0 ? `−${won(amount)}` : amount < 0 ? `+${won(-amount)}` : won(0);
const shown = (figure: (typeof figures)[number], amount: number) =>
  deducted.has(figure) ? deduction(amount) : won(amount);

/** Basis points as a percentage: 1000 → "10%". */
const percent = (basisPoints: number) => `${percentFormat.format(basisPoints / 100)}%`;

/**
 * What the shop owes each brand per payout period: its purchase-confirmed sales, less refunds after
 * confirmation, less the commission. The CSV is the shop's own (brandPayoutsCsv), row for row.
 */
export function PayoutsPage() {
  const { t } = useI18n();
  const client = useApolloClient();
  const [from, setFrom] = useState(seoulDate(27));
  const [to, setTo] = useState(seoulDate());
  const [exportFailed, setExportFailed] = useState(false);
  const { data, error } = useQuery(BrandPayoutsDocument, { variables: { from, to } });
  const payouts = data?.brandPayouts ?? [];
  const exportCsv = async () => {
    setExportFailed(false);
    const { data: csv } = await client
      .query({ query: BrandPayoutsCsvDocument, variables: { from, to }, fetchPolicy: 'no-cache' })
      .catch(() => ({ data: undefined }));
    if (csv) download(`payouts-${from}-${to}.csv`, csv.brandPayoutsCsv);
    else setExportFailed(true);
  };
  return (
    <>
      <h1>{t('admin.payouts')}</h1>
      <p className="muted">{t('admin.payoutsHint')}</p>
      <div className="row">
        <label htmlFor="payouts-from">{t('admin.from')}</label>
        <input
          id="payouts-from"
          type="date"
          value={from}
          onChange={(event) => setFrom(event.target.value)}
        />
        <label htmlFor="payouts-to">{t('admin.to')}</label>
        <input
          id="payouts-to"
          type="date"
          value={to}
          onChange={(event) => setTo(event.target.value)}
        />
        <button type="button" onClick={() => void exportCsv()}>
          {t('admin.exportCsv')}
        </button>
      </div>
      {exportFailed ? <ErrorNotice error={t('common.failed')} /> : null}
      {error ? (
        <ErrorNotice error={error} />
      ) : !data ? (
        <Loading />
      ) : (
        <>
          {payouts.length === 0 ? (
            <Empty>{t('admin.noPayouts')}</Empty>
          ) : (
            <TableScroll label={t('admin.payouts')}>
              <table aria-label={t('admin.payouts')}>
                <thead>
                  <tr>
                    <th>{t('payout.period')}</th>
                    <th>{t('payout.brand')}</th>
                    {figures.map((figure) => (
                      <th key={figure} className="num">
                        {t(`payout.${figure}`)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {payouts.map((row) => (
                    <tr key={`${row.periodStart}-${row.brand.id}`}>
                      <td>
                        {row.periodStart} ~ {row.periodEnd}
                      </td>
                      <td>{row.brand.name}</td>
                      {figures.map((figure) => (
                        <td key={figure} className="num">
                          {shown(figure, row[figure])}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr>
                    <th colSpan={2}>{t('admin.payoutTotal')}</th>
                    {figures.map((figure) => (
                      <td key={figure} className="num">
                        {shown(
                          figure,
                          payouts.reduce((sum, row) => sum + row[figure], 0),
                        )}
                      </td>
                    ))}
                  </tr>
                </tfoot>
              </table>
            </TableScroll>
          )}
          <h2>{t('admin.brandCommissions')}</h2>
          <p>
            {t('admin.defaultCommission', { rate: percent(data.defaultCommissionBasisPoints) })}
          </p>
          {data.brandCommissions.length > 0 ? (
            <ul>
              {data.brandCommissions.map((rate) => (
                <li key={rate.brand.id}>
                  {rate.brand.name} · {percent(rate.rateBasisPoints)}
                </li>
              ))}
            </ul>
          ) : null}
        </>
      )}
    </>
  );
}
