import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import {
  AdjustStockDocument,
  AdminCreateProductDocument,
  AdminProductsDocument,
  AdminTaxonomyDocument,
  SetProductStatusDocument,
  UpdateSkuDocument,
  type ProductStatus,
} from '../../graphql/generated';
import { won } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { NumberField } from '../../shared/NumberField';
import { CategoryOptions } from '../CategoryOptions';
import { ReadOnlyNote } from '../ReadOnlyNote';
import { useMayDo } from '../staff-duty';
import { TableScroll } from '../TableScroll';
import { ErrorNotice, QueryView, ResultError } from '../../shared/ui';
import { OptionGroupsField, type OptionGroupDraft } from '../products/OptionGroupsField';
import { noProductFilters, ProductFilters } from '../products/ProductFilters';
import { productStatuses } from '../products/product-statuses';
import { useProductText } from '../products/product-texts';

export function ProductsPage() {
  const { t } = useI18n();
  const text = useProductText();
  const mayEdit = useMayDo()('catalog');
  const [query, setQuery] = useState('');
  const [filters, setFilters] = useState(noProductFilters);
  // The cursors of the pages before this one: the last is where this page starts.
  const [cursors, setCursors] = useState<string[]>([]);
  const after = cursors.at(-1) ?? null;
  const { data, error } = useQuery(AdminProductsDocument, {
    variables: { query: query || null, ...filters, after },
  });
  const page = data?.adminProducts;
  return (
    <>
      <h1>{t('admin.products')}</h1>
      <ReadOnlyNote duty="catalog" />
      {mayEdit ? <NewProductForm onCreated={() => setCursors([])} /> : null}
      <label htmlFor="product-query">{t('admin.searchProducts')}</label>
      <input
        id="product-query"
        type="search"
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setCursors([]);
        }}
      />
      <ProductFilters
        value={filters}
        onChange={(next) => {
          setFilters(next);
          setCursors([]);
        }}
      />
      <QueryView
        result={{ data, error }}
        isEmpty={(found) => found.adminProducts.nodes.length === 0}
        empty={t('search.none')}
      >
        {(found) => (
          <TableScroll label={t('admin.products')}>
            <table>
              <thead>
                <tr>
                  <th>{t('cart.product')}</th>
                  <th>SKU</th>
                  <th className="num">{t('admin.price')}</th>
                  <th className="num">{t('admin.onHand')}</th>
                  <th className="num">{t('admin.reserved')}</th>
                  {mayEdit ? <th>{t('admin.receiveStock')}</th> : null}
                </tr>
              </thead>
              <tbody>
                {found.adminProducts.nodes.flatMap((product) =>
                  product.skus.map((sku, index) => {
                    const label = `${product.name} ${sku.code}`;
                    return (
                      <tr key={sku.id} data-product-id={product.id} data-sku-id={sku.id}>
                        <td>
                          {index === 0 ? (
                            <>
                              {product.thumbnail ? (
                                <img src={product.thumbnail} width={48} height={48} alt="" />
                              ) : null}
                              {mayEdit ? (
                                <ProductStatusPicker
                                  productId={product.id}
                                  name={product.name}
                                  status={product.status}
                                />
                              ) : (
                                <>
                                  <strong>{product.name}</strong>{' '}
                                  <span className="status">
                                    {t(`productStatus.${product.status}`)}
                                  </span>
                                </>
                              )}
                              <br />
                              <Link to={`/products/${product.id}`}>
                                {text('list.edit', { name: product.name })}
                              </Link>
                            </>
                          ) : null}
                        </td>
                        <td>
                          {sku.options.map((option) => option.value).join(' · ') || sku.code}
                          {sku.enabled ? null : (
                            <span className="muted"> ({text('list.disabled')})</span>
                          )}
                        </td>
                        <td className="num">
                          {mayEdit ? (
                            <SkuPriceEditor skuId={sku.id} price={sku.price} label={label} />
                          ) : (
                            <span className="price">{won(sku.price)}</span>
                          )}
                        </td>
                        <td className="num">{sku.onHand}</td>
                        <td className="num">{sku.reserved}</td>
                        {mayEdit ? (
                          <td>
                            <StockReceipt skuId={sku.id} label={label} />
                          </td>
                        ) : null}
                      </tr>
                    );
                  }),
                )}
              </tbody>
            </table>
          </TableScroll>
        )}
      </QueryView>
      {page && (cursors.length > 0 || page.hasNextPage) ? (
        <nav className="row" aria-label={t('admin.productPages')}>
          <button
            type="button"
            disabled={cursors.length === 0}
            onClick={() => setCursors(cursors.slice(0, -1))}
          >
            {t('admin.previousPage')}
          </button>
          <span className="muted">{t('admin.pageNumber', { page: cursors.length + 1 })}</span>
          <button
            type="button"
            disabled={!page.hasNextPage || !page.endCursor}
            onClick={() => page.endCursor && setCursors([...cursors, page.endCursor])}
          >
            {t('admin.nextPage')}
          </button>
        </nav>
      ) : null}
    </>
  );
}

/** A product's name and its status, changed on the spot. */
function ProductStatusPicker(props: { productId: string; name: string; status: ProductStatus }) {
  const { t } = useI18n();
  const [setStatus, changed] = useMutation(SetProductStatusDocument);
  const result = changed.data?.setProductStatus;
  return (
    <>
      <strong>{props.name}</strong>
      <br />
      <select
        aria-label={t('admin.productStatusOf', { name: props.name })}
        value={props.status}
        disabled={changed.loading}
        onChange={(event) =>
          void setStatus({
            variables: { id: props.productId, status: event.target.value as ProductStatus },
          }).catch(() => undefined)
        }
      >
        {productStatuses.map((status) => (
          <option key={status} value={status}>
            {t(`productStatus.${status}`)}
          </option>
        ))}
      </select>
      {changed.error ? <ErrorNotice error={changed.error} /> : null}
      {result && result.__typename !== 'Product' ? <ResultError result={result} /> : null}
    </>
  );
}

/** A SKU's price, and a new one: the table shows what the shop saved. */
function SkuPriceEditor({ skuId, price, label }: { skuId: string; price: number; label: string }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(String(price));
  const [update, updated] = useMutation(UpdateSkuDocument);
  const result = updated.data?.updateSku;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void update({ variables: { id: skuId, input: { price: Number(draft) } } }).catch(
      () => undefined,
    );
  };
  return (
    <form onSubmit={submit} noValidate>
      <span className="price">{won(price)}</span>
      <span className="row" style={{ justifyContent: 'flex-end' }}>
        <input
          type="number"
          step={100}
          aria-label={t('admin.priceOf', { name: label })}
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          style={{ width: '7rem' }}
        />
        <button type="submit" disabled={updated.loading || draft === ''}>
          {t('admin.changePrice')}
        </button>
      </span>
      {updated.error ? <ErrorNotice error={updated.error} /> : null}
      {result && result.__typename !== 'Sku' ? <ResultError result={result} /> : null}
    </form>
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
            variables: { skuId, input: { reason: 'RECEIVED', quantity, reference } },
          }).then(() => setReference(crypto.randomUUID()))
        }
      >
        {t('admin.receive')}
      </button>
      {result && result.__typename !== 'Sku' ? <ResultError result={result} /> : null}
    </span>
  );
}

/**
 * A product: its name, Markdown description, taxonomy, price and stock, and option groups whose
 * combinations become its SKUs (none: one SKU). Pictures are added on its edit page.
 */
function NewProductForm({ onCreated }: { onCreated: () => void }) {
  const { t } = useI18n();
  const text = useProductText();
  const taxonomy = useQuery(AdminTaxonomyDocument);
  const blank = {
    name: '',
    description: '',
    optionGroups: [] as OptionGroupDraft[],
    categoryId: '',
    brandId: '',
    basePrice: 10_000,
    initialStock: 0,
    status: 'ACTIVE' as ProductStatus,
  };
  const [form, setForm] = useState(blank);
  // The same key on a retried submit gives back the first product, not a second.
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());
  const [create, created] = useMutation(AdminCreateProductDocument, {
    refetchQueries: ['AdminProducts'],
  });
  const result = created.data?.createProduct;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void create({
      variables: {
        input: {
          name: form.name,
          description: form.description,
          optionGroups: form.optionGroups
            .map((group) => ({
              name: group.name.trim(),
              values: group.values
                .split(',')
                .map((value) => value.trim())
                .filter(Boolean),
            }))
            .filter((group) => group.name && group.values.length > 0),
          categoryId: form.categoryId,
          brandId: form.brandId || null,
          basePrice: form.basePrice,
          initialStock: form.initialStock,
          status: form.status,
          idempotencyKey,
        },
      },
    })
      .then(({ data }) => {
        if (data?.createProduct.__typename !== 'Product') return;
        setForm(blank);
        setIdempotencyKey(crypto.randomUUID());
        onCreated();
      })
      .catch(() => undefined);
  };
  return (
    <form onSubmit={submit}>
      <fieldset>
        <legend>{t('admin.newProduct')}</legend>
        <QueryView result={taxonomy}>
          {({ categories, brands }) => (
            <>
              <label htmlFor="new-product-name">{t('admin.productName')}</label>
              <input
                id="new-product-name"
                required
                maxLength={200}
                value={form.name}
                onChange={(event) => setForm({ ...form, name: event.target.value })}
              />
              <label htmlFor="new-product-description">{text('new.description')}</label>
              <textarea
                id="new-product-description"
                rows={4}
                maxLength={5000}
                value={form.description}
                onChange={(event) => setForm({ ...form, description: event.target.value })}
              />
              <label htmlFor="new-product-category">{t('search.category')}</label>
              <select
                id="new-product-category"
                required
                value={form.categoryId}
                onChange={(event) => setForm({ ...form, categoryId: event.target.value })}
              >
                <option value="">{t('admin.chooseCategory')}</option>
                <CategoryOptions categories={categories} />
              </select>
              <label htmlFor="new-product-brand">{t('search.brand')}</label>
              <select
                id="new-product-brand"
                value={form.brandId}
                onChange={(event) => setForm({ ...form, brandId: event.target.value })}
              >
                <option value="">{t('admin.noBrand')}</option>
                {brands.map((brand) => (
                  <option key={brand.id} value={brand.id}>
                    {brand.name}
                  </option>
                ))}
              </select>
              <NumberField
                id="new-product-price"
                label={t('admin.basePrice')}
                required
                min={0}
                step={100}
                value={form.basePrice}
                onChange={(value) => setForm({ ...form, basePrice: value })}
              />
              <NumberField
                id="new-product-stock"
                label={t('admin.initialStock')}
                min={0}
                value={form.initialStock}
                onChange={(value) => setForm({ ...form, initialStock: value })}
              />
              <OptionGroupsField
                groups={form.optionGroups}
                onChange={(optionGroups) => setForm({ ...form, optionGroups })}
              />
              <label htmlFor="new-product-status">{t('admin.productStatus')}</label>
              <select
                id="new-product-status"
                value={form.status}
                onChange={(event) =>
                  setForm({ ...form, status: event.target.value as ProductStatus })
                }
              >
                <option value="ACTIVE">{t('productStatus.ACTIVE')}</option>
                <option value="DRAFT">{t('productStatus.DRAFT')}</option>
              </select>
              {created.error ? <ErrorNotice error={created.error} /> : null}
              {result && result.__typename !== 'Product' ? <ResultError result={result} /> : null}
              {result?.__typename === 'Product' ? (
                <p role="status">
                  {t('admin.productCreated', { name: result.name })}{' '}
                  <Link to={`/products/${result.id}`}>
                    {text('list.edit', { name: result.name })}
                  </Link>{' '}
                  <span className="muted">{text('new.afterCreate')}</span>
                </p>
              ) : null}
              <p>
                <button type="submit" className="primary" disabled={created.loading}>
                  {t('admin.create')}
                </button>
              </p>
            </>
          )}
        </QueryView>
      </fieldset>
    </form>
  );
}
