import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { RequestReturnDocument, type ReturnReason } from '../graphql/generated';
import { useI18n } from '../shared/i18n';
import { ResultError } from '../shared/ui';

const reasons: ReturnReason[] = ['CHANGED_MIND', 'DEFECTIVE', 'WRONG_ITEM'];

/** A return of one line (all of its units) with a reason; the shop approves it and books a pickup. */
export function ReturnRequestForm(props: {
  orderId: string;
  lines: { id: string; productName: string; quantity: number }[];
}) {
  const { t } = useI18n();
  const [lineId, setLineId] = useState(props.lines[0]?.id ?? '');
  const [reason, setReason] = useState<ReturnReason>('DEFECTIVE');
  const [request, requested] = useMutation(RequestReturnDocument, {
    refetchQueries: ['OrderDetail'],
  });
  const line = props.lines.find((candidate) => candidate.id === lineId);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!line) return;
    void request({
      variables: {
        input: {
          orderId: props.orderId,
          type: 'RETURN',
          reason,
          lines: [{ orderLineId: line.id, quantity: line.quantity }],
        },
      },
    });
  };
  const result = requested.data?.requestReturn;
  return (
    <form onSubmit={submit}>
      <fieldset>
        <legend>{t('returns.request')}</legend>
        <label htmlFor="return-line">{t('returns.line')}</label>
        <select id="return-line" value={lineId} onChange={(event) => setLineId(event.target.value)}>
          {props.lines.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {candidate.productName}
            </option>
          ))}
        </select>
        <label htmlFor="return-reason">{t('returns.reason')}</label>
        <select
          id="return-reason"
          value={reason}
          onChange={(event) => setReason(event.target.value as ReturnReason)}
        >
          {reasons.map((candidate) => (
            <option key={candidate} value={candidate}>
              {t(`returnReason.${candidate}`)}
            </option>
          ))}
        </select>
        <p className="muted">{t('returns.feeRule')}</p>
        <button type="submit" disabled={requested.loading}>
          {t('returns.submit')}
        </button>
        {result?.__typename === 'Return' ? <p role="status">{t('returns.requested')}</p> : null}
        {result && result.__typename !== 'Return' ? <ResultError result={result} /> : null}
      </fieldset>
    </form>
  );
}
