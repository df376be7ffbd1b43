import type { AdminPointsEntryFragment } from '../../graphql/generated';
import { dateTime, points } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { Empty } from '../../shared/ui';
import { TableScroll } from '../TableScroll';

/** A customer's points ledger, newest first, with an administrator's reason where one was given. */
export function PointsHistoryTable({ entries }: { entries: AdminPointsEntryFragment[] }) {
  const { t, locale } = useI18n();
  if (entries.length === 0) return <Empty>{t('account.noPoints')}</Empty>;
  return (
    <TableScroll label={t('account.pointsHistory')}>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('admin.pointsDate')}</th>
            <th scope="col">{t('admin.pointsCause')}</th>
            <th scope="col" className="num">
              {t('admin.pointsDelta')}
            </th>
            <th scope="col" className="num">
              {t('admin.pointsAfter')}
            </th>
            <th scope="col">{t('admin.pointsNote')}</th>
            <th scope="col">{t('admin.pointsReference')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={`${entry.reason}-${entry.reference}`}>
              <td>{dateTime(entry.createdAt, locale)}</td>
              <td>{t(`pointsReason.${entry.reason}`)}</td>
              <td className="num">{points(entry.delta, true)}</td>
              <td className="num">{points(entry.balanceAfter)}</td>
              <td>{entry.note}</td>
              <td className="muted">{entry.reference}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
