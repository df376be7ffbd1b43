import { useQuery } from '@apollo/client/react';
import { OrderStaffActionsDocument, type AdminOrderQuery } from '../graphql/generated';
import { dateTime } from '../shared/format';
import { useI18n } from '../shared/i18n';
import { isMessageKey, type MessageKey } from '../shared/messages';

type Order = NonNullable<AdminOrderQuery['order']>;

// The order's own actions by their names; any other mutation is shown as it is called.
const actionLabels: Partial<Record<string, MessageKey>> = {
  shipOrder: 'orderAction.shipOrder',
  cancelOrder: 'orderAction.cancelOrder',
  adminRefundLine: 'orderAction.adminRefundLine',
  approveReturn: 'orderAction.approveReturn',
  rejectReturn: 'orderAction.rejectReturn',
  receiveReturn: 'orderAction.receiveReturn',
};

/** What moved the order, in words; a cause this client does not know yet is shown as it is sent. */
function causeLabel(cause: string, t: (key: MessageKey) => string): string {
  const key = `orderCause.${cause}`;
  return isMessageKey(key) ? t(key) : cause;
}

interface Entry {
  key: string;
  at: string;
  what: string;
  detail: string;
}

/**
 * Every status change of the order and every staff action on it, its shipments and its returns,
 * in the order they happened. Staff actions reach the audit log a moment after they are done.
 */
export function OrderTimeline({ order }: { order: Order }) {
  const { t, locale } = useI18n();
  const subjectIds = [
    order.id,
    ...order.shipments.map((s) => s.id),
    ...order.returns.map((r) => r.id),
  ];
  const { data } = useQuery(OrderStaffActionsDocument, {
    variables: { subjectIds },
    fetchPolicy: 'cache-and-network',
  });
  const entries: Entry[] = [
    ...order.history.map((change) => ({
      key: `status-${change.status}-${change.createdAt}`,
      at: change.createdAt as string,
      what: t(`orderStatus.${change.status}`),
      detail: causeLabel(change.cause, t),
    })),
    ...(data?.staffActionsOn ?? []).map((action) => {
      const label = actionLabels[action.action];
      const who = action.actorEmail ?? t('audit.goneAccount', { id: action.actorId.slice(0, 8) });
      return {
        key: `staff-${action.id}`,
        at: action.at as string,
        what: label ? t(label) : action.action,
        detail:
          action.outcome === 'OK'
            ? who
            : `${who} · ${t('orderAction.refused', { code: action.outcome })}`,
      };
    }),
  ].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  return (
    <section className="card" aria-labelledby="order-history">
      <h2 id="order-history">{t('admin.history')}</h2>
      <ol className="timeline" data-testid="history">
        {entries.map((entry) => (
          <li key={entry.key}>
            {entry.what}{' '}
            <span className="muted">
              {dateTime(entry.at, locale)} · {entry.detail}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
