import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import {
  AdminRefundLineDocument,
  type AdminOrderQuery,
  type ReturnReason,
} from '../graphql/generated';
import { ConfirmDialog } from '../shared/ConfirmDialog';
import { won } from '../shared/format';
import { useI18n } from '../shared/i18n';
import { NumberField } from '../shared/NumberField';
import { ResultError } from '../shared/ui';

type Line = NonNullable<AdminOrderQuery['order']>['lines'][number];
const reasons: ReturnReason[] = ['DEFECTIVE', 'WRONG_ITEM', 'CHANGED_MIND'];

/** What the units refund, as the return service reckons it: the last units take what is left. */
const expectedRefund = (line: Line, quantity: number) =>
  quantity === line.quantity - line.returnedQuantity
    ? line.paidAmount - line.refundedAmount
    : Math.floor((line.paidAmount * quantity) / line.quantity);

/**
 * Refunds units of one line on the customer's behalf, after a confirmation. One key per refund
 * meant: a retried request (a lost answer, a double click) refunds once.
 */
export function RefundLineForm(props: {
  orderId: string;
  lines: Line[];
  refetchQueries: string[];
}) {
  const { t } = useI18n();
  const { orderId, refetchQueries } = props;
  const lines = props.lines.filter((line) => line.returnableQuantity > 0);
  const [lineId, setLineId] = useState('');
  const [quantity, setQuantity] = useState(1);
  const [reason, setReason] = useState<ReturnReason>('DEFECTIVE');
  const [asking, setAsking] = useState(false);
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());
  const [refund, refunded] = useMutation(AdminRefundLineDocument, { refetchQueries });
  const line = lines.find((candidate) => candidate.id === lineId) ?? lines[0];
  const outcome = refunded.data?.adminRefundLine;
  if (!line)
    return outcome?.__typename === 'Return' ? (
      <p role="status">{t('admin.refundDone', { amount: won(outcome.refundedAmount) })}</p>
    ) : null;
  const units = Math.min(Math.max(quantity, 1), line.returnableQuantity);
  const confirm = async () => {
    setAsking(false);
    const answer = await refund({
      variables: {
        input: { orderId, orderLineId: line.id, quantity: units, reason, idempotencyKey },
      },
    });
    // The next refund is another one; a failed one may be retried under the same key.
    if (answer.data?.adminRefundLine.__typename === 'Return')
      setIdempotencyKey(crypto.randomUUID());
  };
  return (
    <section className="card no-print" aria-labelledby="refund-line-title">
      <h2 id="refund-line-title">{t('admin.refundLine')}</h2>
      <p className="muted">{t('admin.refundHint')}</p>
      <label htmlFor="refund-line">{t('admin.refundItem')}</label>
      <select id="refund-line" value={line.id} onChange={(event) => setLineId(event.target.value)}>
        {lines.map((candidate) => (
          <option key={candidate.id} value={candidate.id}>
            {candidate.productName}
          </option>
        ))}
      </select>
      <NumberField
        id="refund-quantity"
        label={t('admin.refundQuantity')}
        value={units}
        min={1}
        max={line.returnableQuantity}
        onChange={setQuantity}
      />
      <label htmlFor="refund-reason">{t('admin.refundReason')}</label>
      <select
        id="refund-reason"
        value={reason}
        onChange={(event) => setReason(event.target.value as ReturnReason)}
      >
        {reasons.map((candidate) => (
          <option key={candidate} value={candidate}>
            {t(`returnReason.${candidate}`)}
          </option>
        ))}
      </select>
      <button type="button" disabled={refunded.loading} onClick={() => setAsking(true)}>
        {t('admin.refundLine')}
      </button>
      {outcome?.__typename === 'Return' ? (
        <p role="status">{t('admin.refundDone', { amount: won(outcome.refundedAmount) })}</p>
      ) : null}
      {outcome && outcome.__typename !== 'Return' ? <ResultError result={outcome} /> : null}
      <ConfirmDialog
        open={asking}
        title={t('admin.refundTitle')}
        confirmLabel={t('admin.refundConfirm')}
        dismissLabel={t('admin.refundKeep')}
        onConfirm={() => void confirm()}
        onDismiss={() => setAsking(false)}
      >
        <p>
          {t('admin.refundBody', {
            name: line.productName,
            count: units,
            amount: won(expectedRefund(line, units)),
          })}
        </p>
        <p>{t('admin.refundFinal')}</p>
      </ConfirmDialog>
    </section>
  );
}
