import { useQuery } from '@apollo/client/react';
import { AdminTaxonomyDocument, type ProductStatus } from '../../graphql/generated';
import { useI18n } from '../../shared/i18n';
import { CategoryOptions } from '../CategoryOptions';
import { productStatuses } from './product-statuses';
import { useProductText } from './product-texts';

export interface ProductFilterValues {
  status: ProductStatus | null;
  categoryId: string | null;
  brandId: string | null;
  lowStockAtMost: number | null;
}

export const noProductFilters: ProductFilterValues = {
  status: null,
  categoryId: null,
  brandId: null,
  lowStockAtMost: null,
};

/** What "low stock" means on the products page: this many units available, or fewer. */
export const lowStockThreshold = 5;

/** The product list narrowed by status, category, brand, or variants running low. */
export function ProductFilters(props: {
  value: ProductFilterValues;
  onChange(value: ProductFilterValues): void;
}) {
  const { t } = useI18n();
  const text = useProductText();
  const taxonomy = useQuery(AdminTaxonomyDocument);
  const { value, onChange } = props;
  return (
    <div className="row product-filters" role="group" aria-label={text('filters.label')}>
      <select
        aria-label={text('filters.status')}
        value={value.status ?? ''}
        onChange={(event) =>
          onChange({ ...value, status: (event.target.value || null) as ProductStatus | null })
        }
      >
        <option value="">{text('filters.anyStatus')}</option>
        {productStatuses.map((status) => (
          <option key={status} value={status}>
            {t(`productStatus.${status}`)}
          </option>
        ))}
      </select>
      <select
        aria-label={t('search.category')}
        value={value.categoryId ?? ''}
        onChange={(event) => onChange({ ...value, categoryId: event.target.value || null })}
      >
        <option value="">{text('filters.anyCategory')}</option>
        {taxonomy.data ? <CategoryOptions categories={taxonomy.data.categories} /> : null}
      </select>
      <select
        aria-label={t('search.brand')}
        value={value.brandId ?? ''}
        onChange={(event) => onChange({ ...value, brandId: event.target.value || null })}
      >
        <option value="">{text('filters.anyBrand')}</option>
        {taxonomy.data?.brands.map((brand) => (
          <option key={brand.id} value={brand.id}>
            {brand.name}
          </option>
        ))}
      </select>
      <label>
        <input
          type="checkbox"
          checked={value.lowStockAtMost !== null}
          onChange={(event) =>
            onChange({ ...value, lowStockAtMost: event.target.checked ? lowStockThreshold : null })
          }
        />{' '}
        {text('filters.lowStock', { count: lowStockThreshold })}
      </label>
    </div>
  );
}
