import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import {
  RequestReturnDocument,
  type OrderDetailQuery,
  type ReturnReason,
  type ReturnType,
} from '../graphql/generated';
import { useI18n } from '../shared/i18n';
import { ResultError } from '../shared/ui';

const reasons: ReturnReason[] = ['CHANGED_MIND', 'DEFECTIVE', 'WRONG_ITEM'];
type Line = NonNullable<OrderDetailQuery['order']>['lines'][number];

const optionsLabel = (options: { value: string }[]) =>
  options.map((option) => option.value).join(' · ');

/**
 * A return (refund) or an exchange (another SKU of the same product, in stock) of units of one
 * line, with a reason; the shop approves it and books a pickup. `lines` are those with units left
 * to ask back (neither returned nor in an open return), up to that many units; none, no form.
 */
export function ReturnRequestForm(props: { orderId: string; lines: Line[] }) {
  const { t } = useI18n();
  const [lineId, setLineId] = useState(props.lines[0]?.id ?? '');
  const [type, setType] = useState<ReturnType>('RETURN');
  const [reason, setReason] = useState<ReturnReason>('DEFECTIVE');
  const [exchangeSkuId, setExchangeSkuId] = useState('');
  const [quantity, setQuantity] = useState<number | null>(null);
  const [request, requested] = useMutation(RequestReturnDocument, {
    refetchQueries: ['OrderDetail'],
  });
  // The lines offered change as returns open and close: one no longer offered falls back to the
  // first.
  const line = props.lines.find((candidate) => candidate.id === lineId) ?? props.lines[0];
  const most = line?.returnableQuantity ?? 1;
  const units = Math.min(quantity ?? most, most);
  const replacements = (line?.product.skus ?? []).filter(
    (sku) => sku.id !== line?.sku.id && sku.enabled && sku.available >= units,
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!line) return;
    void request({
      variables: {
        input: {
          orderId: props.orderId,
          type,
          reason,
          lines: [
            {
              orderLineId: line.id,
              quantity: units,
              exchangeSkuId: type === 'EXCHANGE' ? exchangeSkuId || replacements[0]?.id : null,
            },
          ],
        },
      },
    });
  };
  const result = requested.data?.requestReturn;
  const acknowledged =
    result?.__typename === 'Return' ? <p role="status">{t('returns.requested')}</p> : null;
  // Nothing (left) to ask back: no form, but a request just sent is still acknowledged.
  if (!line) return acknowledged;
  return (
    <form onSubmit={submit} className="form">
      <fieldset>
        <legend>{t('returns.request')}</legend>
        <label htmlFor="return-line">{t('returns.line')}</label>
        <select
          id="return-line"
          value={line?.id ?? ''}
          onChange={(event) => {
            setLineId(event.target.value);
            setQuantity(null);
          }}
        >
          {props.lines.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {candidate.productName} {optionsLabel(candidate.options)}
            </option>
          ))}
        </select>
        {most > 1 ? (
          <>
            <label htmlFor="return-quantity">{t('returns.quantity')}</label>
            <select
              id="return-quantity"
              value={units}
              onChange={(event) => setQuantity(Number(event.target.value))}
            >
              {Array.from({ length: most }, (_, index) => most - index).map((count) => (
                <option key={count} value={count}>
                  {t('orders.quantity', { count })}
                </option>
              ))}
            </select>
          </>
        ) : null}
        <label htmlFor="return-type">{t('returns.type')}</label>
        <select
          id="return-type"
          value={type}
          onChange={(event) => setType(event.target.value as ReturnType)}
        >
          <option value="RETURN">{t('returnType.RETURN')}</option>
          <option value="EXCHANGE" disabled={replacements.length === 0}>
            {t('returnType.EXCHANGE')}
          </option>
        </select>
        {type === 'EXCHANGE' ? (
          <>
            <label htmlFor="exchange-sku">{t('returns.exchangeFor')}</label>
            <select
              id="exchange-sku"
              value={exchangeSkuId || replacements[0]?.id}
              onChange={(event) => setExchangeSkuId(event.target.value)}
            >
              {replacements.map((sku) => (
                <option key={sku.id} value={sku.id}>
                  {optionsLabel(sku.options)}
                </option>
              ))}
            </select>
          </>
        ) : null}
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
        {acknowledged}
        {result && result.__typename !== 'Return' ? <ResultError result={result} /> : null}
      </fieldset>
    </form>
  );
}
