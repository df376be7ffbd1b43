import { useQuery } from '@apollo/client/react';
import {
  AdminReturnsDocument,
  type AdminReturnsQuery,
  type ReturnStatus,
} from '../../graphql/generated';
import { dateTime, won } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { Empty, ErrorNotice, Loading } from '../../shared/ui';
import { ReturnSteps } from '../ReturnSteps';
import { ReadOnlyNote } from '../ReadOnlyNote';
import { TableScroll } from '../TableScroll';
import { useMayDo } from '../staff-duty';

/** A return the shop still has to act on, or wait for. */
const openStatuses: ReturnStatus[] = ['REQUESTED', 'APPROVED', 'COLLECTING', 'RECEIVED'];
type Return = AdminReturnsQuery['adminReturns']['nodes'][number];

const refetchQueries = ['AdminReturns'];

/**
 * The open returns and exchanges, the oldest of the latest 50 first (the router's cost limit
 * bounds a page with its lines and orders).
 */
export function ReturnsPage() {
  const { t } = useI18n();
  const { data, error } = useQuery(AdminReturnsDocument, {
    variables: { status: openStatuses, first: 50 },
    pollInterval: 10_000,
  });
  if (error) return <ErrorNotice error={error} />;
  if (!data) return <Loading />;
  const returns = [...data.adminReturns.nodes].reverse();
  return (
    <>
      <h1>{t('admin.returns')}</h1>
      <ReadOnlyNote duty="refunds" />
      {returns.length === 0 ? (
        <Empty>{t('admin.noOpenReturns')}</Empty>
      ) : (
        <TableScroll label={t('admin.openReturns')}>
          <table aria-label={t('admin.openReturns')}>
            <thead>
              <tr>
                <th>{t('admin.requestedAt')}</th>
                <th>{t('orders.name')}</th>
                <th>{t('returns.type')}</th>
                <th>{t('admin.returnItems')}</th>
                <th className="num">{t('admin.expectedRefund')}</th>
                <th>{t('admin.returnStatus')}</th>
                <th>
                  <span className="sr-only">{t('admin.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {returns.map((ret) => (
                <ReturnRow key={ret.id} ret={ret} />
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {data.adminReturns.hasNextPage ? <p className="muted">{t('admin.returnsScope')}</p> : null}
    </>
  );
}

function ReturnRow({ ret }: { ret: Return }) {
  const { t, locale } = useI18n();
  const mayDo = useMayDo();
  const { order } = ret;
  return (
    <tr data-return-id={ret.id} data-order-id={order.id}>
      <td>{dateTime(ret.createdAt, locale)}</td>
      <td>
        {order.orderName} <span className="status">{t(`orderStatus.${order.status}`)}</span>
      </td>
      <td>
        {t(`returnType.${ret.type}`)} · {t(`returnReason.${ret.reason}`)}
      </td>
      <td>
        {ret.lines.map((line) => {
          const ordered = order.lines.find((item) => item.id === line.orderLineId);
          return (
            <div key={line.orderLineId}>
              {ordered?.productName} × {line.quantity}
            </div>
          );
        })}
      </td>
      <td className="num">{ret.type === 'RETURN' ? won(expectedRefund(ret)) : '—'}</td>
      <td>
        <span className="status">{t(`returnStatus.${ret.status}`)}</span>
      </td>
      <td>
        <div className="row">
          {mayDo('refunds') ? <ReturnSteps ret={ret} refetchQueries={refetchQueries} /> : null}
        </div>
      </td>
    </tr>
  );
}

/** What receiving it refunds: its lines, less the return trip (never below zero). */
const expectedRefund = (ret: Return) =>
  Math.max(ret.lines.reduce((sum, line) => sum + line.refundAmount, 0) - ret.shippingFee, 0);
