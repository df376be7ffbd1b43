import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { AdjustStockDocument, AdminProductsDocument } from '../../graphql/generated';
import { won } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { QueryView, ResultError } from '../../shared/ui';

export function ProductsPage() {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const { data, error } = useQuery(AdminProductsDocument, { variables: { query: query || null } });
  return (
    <>
      <h1>{t('admin.products')}</h1>
      <label htmlFor="product-query">{t('admin.searchProducts')}</label>
      <input
        id="product-query"
        type="search"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
      />
      <QueryView
        result={{ data, error }}
        isEmpty={(found) => found.adminProducts.nodes.length === 0}
        empty={t('search.none')}
      >
        {(found) => (
          <table>
            <thead>
              <tr>
                <th>{t('cart.product')}</th>
                <th>SKU</th>
                <th className="num">{t('admin.price')}</th>
                <th className="num">{t('admin.onHand')}</th>
                <th className="num">{t('admin.reserved')}</th>
                <th>{t('admin.receiveStock')}</th>
              </tr>
            </thead>
            <tbody>
              {found.adminProducts.nodes.flatMap((product) =>
                product.skus.map((sku, index) => (
                  <tr key={sku.id}>
                    <td>{index === 0 ? `${product.name} (${product.status})` : ''}</td>
                    <td>{sku.options.map((option) => option.value).join(' · ') || sku.code}</td>
                    <td className="num">{won(sku.price)}</td>
                    <td className="num">{sku.onHand}</td>
                    <td className="num">{sku.reserved}</td>
                    <td>
                      <StockReceipt skuId={sku.id} label={`${product.name} ${sku.code}`} />
                    </td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
        )}
      </QueryView>
    </>
  );
}

/** Books a delivery into stock; the reference makes a repeated click count once. */
function StockReceipt({ skuId, label }: { skuId: string; label: string }) {
  const { t } = useI18n();
  const [quantity, setQuantity] = useState(10);
  const [reference, setReference] = useState(() => crypto.randomUUID());
  const [adjust, adjusted] = useMutation(AdjustStockDocument);
  const result = adjusted.data?.adjustStock;
  return (
    <span className="row">
      <input
        type="number"
        min={1}
        aria-label={t('admin.receiveQuantity', { name: label })}
        value={quantity}
        onChange={(event) => setQuantity(Number(event.target.value))}
        style={{ width: '5rem' }}
      />
      <button
        type="button"
        onClick={() =>
          void adjust({
            variables: { skuId, input: { kind: 'RECEIVED', quantity, reference } },
          }).then(() => setReference(crypto.randomUUID()))
        }
      >
        {t('admin.receive')}
      </button>
      {result && result.__typename !== 'Sku' ? <ResultError result={result} /> : null}
    </span>
  );
}
