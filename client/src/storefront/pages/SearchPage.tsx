import { useEffect, useRef, type FormEvent } from 'react';
import { useQuery } from '@apollo/client/react';
import { useSearchParams } from 'react-router';
import {
  HomeDocument,
  SearchProductsDocument,
  type ProductSearchInput,
  type ProductSort,
  type SearchProductsQuery,
} from '../../graphql/generated';
import { useI18n } from '../../shared/i18n';
import { Empty, ErrorNotice, Loading } from '../../shared/ui';
import { Breadcrumbs } from '../Breadcrumbs';
import { CategoryChips } from '../CategoryChips';
import { useDisclosure } from '../disclosure';
import { Icon } from '../icons';
import { usePageMeta } from '../page-meta';
import { firstRow, ProductCard } from '../ProductCard';
import { useShopText } from '../shop-texts';
import { inSizeOrder } from '../size-order';

const sorts: ProductSort[] = ['RELEVANCE', 'POPULARITY', 'NEWEST', 'PRICE_ASC', 'PRICE_DESC'];
const pageSize = 24;
/** What "clear all filters" takes off; the words searched for and the sort stay. */
const filterParams = ['brand', 'opt', 'min', 'max', 'instock'];
const priceBounds = [
  { name: 'min', label: 'search.minPrice' },
  { name: 'max', label: 'search.maxPrice' },
] as const;

/** The search as the URL states it, so a result page can be shared and the back button works. */
function searchOf(params: URLSearchParams): ProductSearchInput {
  const options = new Map<string, string[]>();
  for (const pair of params.getAll('opt')) {
    const [name, value] = pair.split(':');
    if (name && value) options.set(name, [...(options.get(name) ?? []), value]);
  }
  const number = (name: string) => (params.get(name) ? Number(params.get(name)) : undefined);
  return {
    text: params.get('q') || undefined,
    categoryId: params.get('category') || undefined,
    brandIds: params.getAll('brand').length > 0 ? params.getAll('brand') : undefined,
    options: [...options].map(([name, values]) => ({ name, values })),
    minPrice: number('min'),
    maxPrice: number('max'),
    inStockOnly: params.get('instock') === '1' || undefined,
    sort:
      (params.get('sort') as ProductSort | null) ?? (params.get('q') ? 'RELEVANCE' : 'POPULARITY'),
  };
}

/**
 * A search's results, or a category's page when only a category is asked for: headed by its name
 * under breadcrumbs. The filters are a column beside the results on a wide screen and a drawer
 * behind the 필터 button on a phone, so the first products show without scrolling.
 */
export function SearchPage() {
  const { t } = useI18n();
  const text = useShopText();
  const [params, setParams] = useSearchParams();
  const search = searchOf(params);
  const { data, previousData, error, loading, fetchMore } = useQuery(SearchProductsDocument, {
    variables: { search, first: pageSize },
  });
  // While a changed filter loads, the page keeps showing the last result, so the filter being
  // clicked stays on screen instead of the whole page turning into a spinner.
  const products = (data ?? previousData)?.products;
  const categoryId = search.categoryId;
  // The categories (for a category's name and for somewhere to go after no results) come from
  // the home page's query, most often already in the cache.
  const home = useQuery(HomeDocument, { skip: !categoryId && products?.totalCount !== 0 });
  const categoryName = categoryId
    ? (products?.facets.categories.find((category) => category.value === categoryId)?.label ??
      home.data?.categories.find((category) => category.id === categoryId)?.name)
    : undefined;
  const heading = search.text
    ? t('search.resultsFor', { text: search.text })
    : categoryId
      ? (categoryName ?? t('search.category'))
      : t('search.all');
  const count = products?.totalCount ?? 0;
  usePageMeta(
    products ? heading : undefined,
    search.text
      ? text('meta.search', { text: search.text, count })
      : categoryName
        ? text('meta.category', { category: categoryName, count })
        : text('meta.all', { count }),
  );
  const filters = useDisclosure('filters');
  const closeButton = useRef<HTMLButtonElement>(null);
  // The drawer covers the page: focus moves into it, and back to 필터 as it closes.
  useEffect(() => {
    if (filters.open) closeButton.current?.focus();
  }, [filters.open]);

  // Each change starts from the address as it is now, not as this render (or React Router's
  // functional update, which hands over the same render's copy) saw it: two quick changes, a
  // brand and then the sort, must both stay.
  const change = (edit: (next: URLSearchParams) => void) => {
    const next = new URLSearchParams(window.location.search);
    edit(next);
    setParams(next);
  };
  const toggle = (name: string, value: string) =>
    change((next) => {
      const values = next.getAll(name);
      next.delete(name);
      for (const kept of values.filter((candidate) => candidate !== value)) next.append(name, kept);
      if (!values.includes(value)) next.append(name, value);
    });
  const set = (values: Record<string, string | undefined>) =>
    change((next) => {
      for (const [name, value] of Object.entries(values)) {
        if (value) next.set(name, value);
        else next.delete(name);
      }
    });
  // A category searched within is a filter; a category's own page keeps its category.
  const clearable = search.text ? [...filterParams, 'category'] : filterParams;
  const activeFilters = clearable.reduce((sum, name) => sum + params.getAll(name).length, 0);
  const clearFilters = () =>
    change((next) => {
      for (const name of clearable) next.delete(name);
    });

  if (error) return <ErrorNotice error={error} />;
  if (!products) {
    // The words searched for (or "all products") head the page before the results come; a
    // category's name waits for them.
    return categoryId && !search.text ? (
      <Loading />
    ) : (
      <div className="listing">
        <h1>{heading}</h1>
        <Loading />
      </div>
    );
  }
  const more = () =>
    fetchMore({
      variables: { after: products.endCursor },
      updateQuery: (previous, { fetchMoreResult }): SearchProductsQuery => ({
        products: {
          ...fetchMoreResult.products,
          nodes: [...previous.products.nodes, ...fetchMoreResult.products.nodes],
        },
      }),
    });
  const setPrice = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    set({ min: String(form.get('min') ?? ''), max: String(form.get('max') ?? '') });
  };
  return (
    <div className="listing">
      {categoryName && !search.text ? <Breadcrumbs trail={[{ label: categoryName }]} /> : null}
      <h1>{heading}</h1>
      <div className="listing-toolbar">
        <button {...filters.button} className="filter-button">
          <Icon name="filter" />
          {text('filters.open')}
          {activeFilters > 0 ? (
            <span className="badge">{text('filters.active', { count: activeFilters })}</span>
          ) : null}
        </button>
        <p className="result-count" aria-live="polite">
          {t('search.count', { count })}
        </p>
        <select
          aria-label={t('search.sort')}
          value={search.sort ?? ''}
          onChange={(event) => set({ sort: event.target.value })}
        >
          {sorts.map((sort) => (
            <option key={sort} value={sort}>
              {t(`sort.${sort}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="listing-body">
        <aside
          id="filters"
          aria-label={t('search.filters')}
          className={filters.open ? 'filters open' : 'filters'}
          onKeyDown={filters.closeOnEscape}
        >
          <div className="filters-head">
            <h2>{text('filters.open')}</h2>
            <button
              ref={closeButton}
              type="button"
              className="icon-button"
              aria-label={text('filters.close')}
              onClick={filters.close}
            >
              <Icon name="close" />
            </button>
          </div>
          <div className="filters-body">
            <Facet
              legend={t('search.category')}
              values={products.facets.categories}
              selected={params.getAll('category')}
              onToggle={(value) =>
                set({ category: params.get('category') === value ? undefined : value })
              }
            />
            <Facet
              legend={t('search.brand')}
              values={products.facets.brands}
              selected={params.getAll('brand')}
              onToggle={(value) => toggle('brand', value)}
            />
            {products.facets.options.map((group) => (
              <Facet
                key={group.name}
                legend={group.name}
                values={inSizeOrder(group.name, group.values)}
                compact
                selected={params
                  .getAll('opt')
                  .filter((pair) => pair.startsWith(`${group.name}:`))
                  .map((pair) => pair.slice(group.name.length + 1))}
                onToggle={(value) => toggle('opt', `${group.name}:${value}`)}
              />
            ))}
            {/* A form, so Enter in either field applies the range. */}
            <form
              key={`${params.get('min')}-${params.get('max')}`}
              className="price-filter"
              onSubmit={setPrice}
            >
              <fieldset>
                <legend>{t('search.price')}</legend>
                <div className="price-range">
                  {priceBounds.map((bound) => (
                    <div key={bound.name}>
                      <label htmlFor={`${bound.name}-price`}>{t(bound.label)}</label>
                      <input
                        id={`${bound.name}-price`}
                        name={bound.name}
                        type="number"
                        inputMode="numeric"
                        min={0}
                        defaultValue={params.get(bound.name) ?? ''}
                      />
                    </div>
                  ))}
                  <button type="submit">{text('filters.apply')}</button>
                </div>
              </fieldset>
            </form>
            <label className="check">
              <input
                type="checkbox"
                checked={params.get('instock') === '1'}
                onChange={(event) => set({ instock: event.target.checked ? '1' : undefined })}
              />
              {t('search.inStockOnly', { count: products.facets.inStock })}
            </label>
          </div>
          <div className="filters-foot">
            {activeFilters > 0 ? (
              <button type="button" onClick={clearFilters}>
                {text('filters.clear')}
              </button>
            ) : null}
            <button type="button" className="primary" onClick={filters.close}>
              {text('filters.show', { count })}
            </button>
          </div>
        </aside>
        <section aria-label={heading} aria-busy={loading} className="results">
          {products.nodes.length === 0 ? (
            <NoResults filtered={activeFilters > 0} onClear={clearFilters} />
          ) : (
            <ul className="grid">
              {products.nodes.map((product, index) => (
                <ProductCard key={product.id} product={product} eager={index < firstRow} />
              ))}
            </ul>
          )}
          {products.hasNextPage ? (
            <button type="button" className="more" onClick={() => void more()} disabled={loading}>
              {t('search.more')}
            </button>
          ) : null}
        </section>
      </div>
    </div>
  );
}

function Facet(props: {
  legend: string;
  values: { value: string; label: string; count: number }[];
  selected: string[];
  onToggle(value: string): void;
  /** Short values (sizes, colours) share a line; names of brands and categories need theirs. */
  compact?: boolean;
}) {
  if (props.values.length === 0) return null;
  return (
    <fieldset className={props.compact ? 'facet compact' : 'facet'}>
      <legend>{props.legend}</legend>
      {props.values.map((value) => (
        <label key={value.value} className="check">
          <input
            type="checkbox"
            checked={props.selected.includes(value.value)}
            onChange={() => props.onToggle(value.value)}
          />
          {value.label} <span className="muted">({value.count})</span>
        </label>
      ))}
    </fieldset>
  );
}

/** Nothing found: what to try instead, and the shop's categories and popular products to go on. */
function NoResults({ filtered, onClear }: { filtered: boolean; onClear(): void }) {
  const { t } = useI18n();
  const text = useShopText();
  const home = useQuery(HomeDocument);
  return (
    <div className="no-results">
      <Empty>{t('search.none')}</Empty>
      <p className="muted">{text('noResults.hint')}</p>
      {filtered ? (
        <button type="button" onClick={onClear}>
          {text('filters.clear')}
        </button>
      ) : null}
      {home.data && home.data.categories.length > 0 ? (
        <>
          <h2>{text('noResults.categories')}</h2>
          <CategoryChips categories={home.data.categories} />
        </>
      ) : null}
      {home.data && home.data.products.nodes.length > 0 ? (
        <>
          <h2>{text('noResults.popular')}</h2>
          <ul className="grid">
            {home.data.products.nodes.slice(0, 4).map((product) => (
              <ProductCard key={product.id} product={product} />
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
