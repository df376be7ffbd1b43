import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { AdjustStockDocument, type StockAdjustmentReason } from '../../graphql/generated';
import { ErrorNotice, ResultError } from '../../shared/ui';
import { useProductText } from './product-texts';

const reasons: StockAdjustmentReason[] = [
  'RECEIVED',
  'DAMAGED',
  'LOST',
  'COUNT_CORRECTION',
  'RETURNED',
];

/**
 * Moves one SKU's stock with a reason: by a signed change, or to a counted number. Each submit
 * carries a fresh reference, so a double click of the same submit counts once.
 */
export function StockAdjustForm({ skuId, label }: { skuId: string; label: string }) {
  const text = useProductText();
  const [reason, setReason] = useState<StockAdjustmentReason>('RECEIVED');
  const [mode, setMode] = useState<'change' | 'set'>('change');
  const [amount, setAmount] = useState('');
  const [note, setNote] = useState('');
  const [reference, setReference] = useState(() => crypto.randomUUID());
  const [adjust, adjusted] = useMutation(AdjustStockDocument, { refetchQueries: ['AdminProduct'] });
  const result = adjusted.data?.adjustStock;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const units = Number(amount);
    void adjust({
      variables: {
        skuId,
        input: {
          reason,
          reference,
          note: note || null,
          ...(mode === 'set' ? { onHand: units } : { quantity: units }),
        },
      },
    })
      .then(({ data }) => {
        if (data?.adjustStock.__typename !== 'Sku') return;
        setAmount('');
        setNote('');
        setReference(crypto.randomUUID());
      })
      .catch(() => undefined);
  };
  const pickReason = (next: StockAdjustmentReason) => {
    setReason(next);
    // A count is what was found on the shelf; the other reasons are changes.
    setMode(next === 'COUNT_CORRECTION' ? 'set' : 'change');
  };
  return (
    <form className="stock-adjust" onSubmit={submit}>
      <select
        aria-label={text('stock.reason', { name: label })}
        value={reason}
        onChange={(event) => pickReason(event.target.value as StockAdjustmentReason)}
      >
        {reasons.map((candidate) => (
          <option key={candidate} value={candidate}>
            {text(`reason.${candidate}`)}
          </option>
        ))}
      </select>
      <select
        aria-label={text('stock.mode', { name: label })}
        value={mode}
        onChange={(event) => setMode(event.target.value as 'change' | 'set')}
      >
        <option value="change">{text('stock.change')}</option>
        <option value="set">{text('stock.set')}</option>
      </select>
      <input
        type="number"
        required
        min={mode === 'set' ? 0 : undefined}
        aria-label={text('stock.quantity', { name: label })}
        value={amount}
        onChange={(event) => setAmount(event.target.value)}
      />
      <input
        maxLength={200}
        aria-label={text('stock.note', { name: label })}
        placeholder={text('history.note')}
        value={note}
        onChange={(event) => setNote(event.target.value)}
      />
      <button type="submit" disabled={adjusted.loading || amount === ''}>
        {text('stock.apply')}
      </button>
      {adjusted.error ? <ErrorNotice error={adjusted.error} /> : null}
      {result && result.__typename !== 'Sku' ? <ResultError result={result} /> : null}
      {result?.__typename === 'Sku' ? (
        <span role="status">{text('stock.done', { onHand: result.onHand })}</span>
      ) : null}
    </form>
  );
}
