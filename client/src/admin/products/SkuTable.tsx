import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { UpdateSkuDocument, type AdminProductQuery } from '../../graphql/generated';
import { won } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { ErrorNotice, ResultError } from '../../shared/ui';
import { TableScroll } from '../TableScroll';
import { useProductText } from './product-texts';
import { StockAdjustForm } from './StockAdjustForm';
import { StockHistory } from './StockHistory';

type Sku = NonNullable<AdminProductQuery['product']>['skus'][number];

export const skuLabel = (sku: Pick<Sku, 'code' | 'options'>) =>
  sku.options.map((option) => option.value).join(' · ') || sku.code;

/**
 * A product's variants: price, on sale or not, stock and its history, each changed in place when
 * `editable` (the role has the catalogue duty), else only shown.
 */
export function SkuTable({ skus, editable }: { skus: Sku[]; editable: boolean }) {
  const { t } = useI18n();
  const text = useProductText();
  return (
    <section aria-labelledby="skus-title">
      <h2 id="skus-title">{text('skus.title')}</h2>
      <TableScroll label={text('skus.title')}>
        <table>
          <thead>
            <tr>
              <th>{text('skus.option')}</th>
              <th className="num">{t('admin.price')}</th>
              <th>{text('skus.enabled')}</th>
              <th className="num">{t('admin.onHand')}</th>
              <th className="num">{t('admin.reserved')}</th>
              <th className="num">{text('skus.available')}</th>
              {editable ? <th>{text('skus.stock')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {skus.map((sku) => (
              <SkuRow key={sku.id} sku={sku} editable={editable} />
            ))}
          </tbody>
        </table>
      </TableScroll>
      {skus.map((sku) => (
        <details key={sku.id} className="sku-history">
          <summary>
            {text('history.show')}: {skuLabel(sku)}
          </summary>
          <StockHistory label={skuLabel(sku)} movements={sku.stockMovements} />
        </details>
      ))}
    </section>
  );
}

function SkuRow({ sku, editable }: { sku: Sku; editable: boolean }) {
  const { t } = useI18n();
  const text = useProductText();
  const label = skuLabel(sku);
  const [price, setPrice] = useState(String(sku.price));
  const [update, updated] = useMutation(UpdateSkuDocument, { refetchQueries: ['AdminProduct'] });
  const result = updated.data?.updateSku;
  const save = (input: { price?: number; enabled?: boolean }) =>
    void update({ variables: { id: sku.id, input } }).catch(() => undefined);
  const savePrice = (event: FormEvent) => {
    event.preventDefault();
    save({ price: Number(price) });
  };
  return (
    <tr data-sku-id={sku.id}>
      <th scope="row">{label}</th>
      <td className="num">
        {editable ? (
          <form onSubmit={savePrice} className="row" style={{ justifyContent: 'flex-end' }}>
            <span className="price">{won(sku.price)}</span>
            <input
              type="number"
              step={100}
              min={0}
              aria-label={t('admin.priceOf', { name: label })}
              value={price}
              onChange={(event) => setPrice(event.target.value)}
              style={{ width: '7rem' }}
            />
            <button type="submit" disabled={updated.loading || price === ''}>
              {t('admin.changePrice')}
            </button>
          </form>
        ) : (
          <span className="price">{won(sku.price)}</span>
        )}
      </td>
      <td>
        {editable ? (
          <>
            <input
              type="checkbox"
              aria-label={text('skus.enabledOf', { name: label })}
              checked={sku.enabled}
              disabled={updated.loading}
              onChange={(event) => save({ enabled: event.target.checked })}
            />
            {updated.error ? <ErrorNotice error={updated.error} /> : null}
            {result && result.__typename !== 'Sku' ? <ResultError result={result} /> : null}
          </>
        ) : sku.enabled ? (
          '✓'
        ) : (
          text('list.disabled')
        )}
      </td>
      <td className="num">{sku.onHand}</td>
      <td className="num">{sku.reserved}</td>
      <td className="num">{sku.available}</td>
      {editable ? (
        <td>
          <StockAdjustForm skuId={sku.id} label={label} />
        </td>
      ) : null}
    </tr>
  );
}
