import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { AdjustPointsDocument } from '../../graphql/generated';
import { NumberField } from '../../shared/NumberField';
import { points } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { ErrorNotice, ResultError } from '../../shared/ui';

/** A fresh key for one adjustment: a retry of the same one (a lost answer) cannot grant twice. */
const newReference = () => `admin-${crypto.randomUUID()}`;

/** Grants or takes back a customer's points, with the reason the history will show. */
export function AdjustPointsForm({ userId }: { userId: string }) {
  const { t } = useI18n();
  const [amount, setAmount] = useState(0);
  const [reason, setReason] = useState('');
  const [reference, setReference] = useState(newReference);
  // The answer updates the cached customer (balance and history) by its id: no refetch needed.
  const [adjust, adjusted] = useMutation(AdjustPointsDocument);
  const result = adjusted.data?.adjustPoints;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const answer = await adjust({ variables: { userId, amount, reference, reason } });
    if (answer.data?.adjustPoints.__typename !== 'User') return;
    setAmount(0);
    setReason('');
    setReference(newReference());
  };

  return (
    <form onSubmit={(event) => void submit(event)}>
      <fieldset>
        <legend>{t('admin.adjustPoints')}</legend>
        <NumberField
          id="points-amount"
          label={t('admin.adjustAmount')}
          required
          value={amount}
          onChange={setAmount}
        />
        <label htmlFor="points-reason">{t('admin.adjustReason')}</label>
        <input
          id="points-reason"
          required
          maxLength={200}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
        />
        {adjusted.error ? <ErrorNotice error={adjusted.error} /> : null}
        {result && result.__typename !== 'User' ? <ResultError result={result} /> : null}
        {result?.__typename === 'User' ? (
          <p role="status">{t('admin.adjusted', { balance: points(result.pointsBalance) })}</p>
        ) : null}
        <p>
          <button type="submit" className="primary" disabled={adjusted.loading || amount === 0}>
            {t('admin.adjustSubmit')}
          </button>
        </p>
      </fieldset>
    </form>
  );
}
