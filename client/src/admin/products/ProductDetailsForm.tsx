import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import {
  AdminTaxonomyDocument,
  SetProductStatusDocument,
  UpdateProductDocument,
  type AdminProductQuery,
  type ProductStatus,
} from '../../graphql/generated';
import { useI18n } from '../../shared/i18n';
import { ErrorNotice, QueryView, ResultError } from '../../shared/ui';
import { CategoryOptions } from '../CategoryOptions';
import { productStatuses } from './product-statuses';
import { useProductText } from './product-texts';

type Product = NonNullable<AdminProductQuery['product']>;

/** Name, Markdown description, status, category and brand, saved together. */
export function ProductDetailsForm({ product }: { product: Product }) {
  const { t } = useI18n();
  const text = useProductText();
  const taxonomy = useQuery(AdminTaxonomyDocument);
  const [form, setForm] = useState({
    name: product.name,
    description: product.description,
    status: product.status,
    categoryId: product.category?.id ?? '',
    brandId: product.brand?.id ?? '',
  });
  const [saved, setSaved] = useState(false);
  const [update, updated] = useMutation(UpdateProductDocument, {
    refetchQueries: ['AdminProduct'],
  });
  const [setStatus, statusSet] = useMutation(SetProductStatusDocument);
  const result = updated.data?.updateProduct;
  const statusResult = statusSet.data?.setProductStatus;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const { data } = await update({
      variables: {
        id: product.id,
        input: {
          name: form.name,
          description: form.description,
          categoryId: form.categoryId || null,
          brandId: form.brandId || null,
        },
      },
    });
    if (data?.updateProduct.__typename !== 'Product') return;
    if (form.status !== product.status) {
      const changed = await setStatus({ variables: { id: product.id, status: form.status } });
      if (changed.data?.setProductStatus.__typename !== 'Product') return;
    }
    setSaved(true);
  };
  return (
    <form onSubmit={(event) => void submit(event).catch(() => undefined)}>
      <fieldset>
        <legend>{text('edit.details')}</legend>
        <label htmlFor="product-name">{text('edit.name')}</label>
        <input
          id="product-name"
          required
          maxLength={200}
          value={form.name}
          onChange={(event) => setForm({ ...form, name: event.target.value })}
        />
        <label htmlFor="product-description">{text('edit.description')}</label>
        <textarea
          id="product-description"
          rows={8}
          maxLength={5000}
          aria-describedby="product-description-hint"
          value={form.description}
          onChange={(event) => setForm({ ...form, description: event.target.value })}
        />
        <p id="product-description-hint" className="muted">
          {text('edit.descriptionHint')}
        </p>
        <label htmlFor="product-status">{t('admin.productStatus')}</label>
        <select
          id="product-status"
          value={form.status}
          onChange={(event) => setForm({ ...form, status: event.target.value as ProductStatus })}
        >
          {productStatuses.map((status) => (
            <option key={status} value={status}>
              {t(`productStatus.${status}`)}
            </option>
          ))}
        </select>
        <QueryView result={taxonomy}>
          {({ categories, brands }) => (
            <>
              <label htmlFor="product-category">{t('search.category')}</label>
              <select
                id="product-category"
                value={form.categoryId}
                onChange={(event) => setForm({ ...form, categoryId: event.target.value })}
              >
                <option value="">{t('admin.chooseCategory')}</option>
                <CategoryOptions categories={categories} />
              </select>
              <label htmlFor="product-brand">{t('search.brand')}</label>
              <select
                id="product-brand"
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
            </>
          )}
        </QueryView>
        {updated.error ? <ErrorNotice error={updated.error} /> : null}
        {statusSet.error ? <ErrorNotice error={statusSet.error} /> : null}
        {result && result.__typename !== 'Product' ? <ResultError result={result} /> : null}
        {statusResult && statusResult.__typename !== 'Product' ? (
          <ResultError result={statusResult} />
        ) : null}
        {saved ? <p role="status">{text('edit.saved')}</p> : null}
        <p>
          <button type="submit" className="primary" disabled={updated.loading}>
            {text('edit.save')}
          </button>
        </p>
      </fieldset>
    </form>
  );
}
