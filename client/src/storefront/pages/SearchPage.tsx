import { useQuery } from '@apollo/client/react';
import { useSearchParams } from 'react-router';
import {
  SearchProductsDocument,
  type ProductSearchInput,
  type ProductSort,
  type SearchProductsQuery,
} from '../../graphql/generated';
import { useI18n } from '../../shared/i18n';
import { Empty, ErrorNotice, Loading } from '../../shared/ui';
import { ProductCard } from '../ProductCard';

const sorts: ProductSort[] = ['RELEVANCE', 'POPULARITY', 'NEWEST', 'PRICE_ASC', 'PRICE_DESC'];
const pageSize = 24;

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

export function SearchPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const search = searchOf(params);
  const { data, previousData, error, loading, fetchMore } = useQuery(SearchProductsDocument, {
    variables: { search, first: pageSize },
  });
  // While a changed filter loads, the page keeps showing the last result, so the filter being
  // clicked stays on screen instead of the whole page turning into a spinner.
  const shown = data ?? previousData;
  // Each change starts from the address as it is now, not as this render (or React Router's
  // functional update, which hands over the same render's copy) saw it: two quick changes, a
  // brand and then the sort, must both stay.
  const current = () => new URLSearchParams(window.location.search);
  const toggle = (name: string, value: string) => {
    const next = current();
    const values = next.getAll(name);
    next.delete(name);
    for (const kept of values.filter((candidate) => candidate !== value)) next.append(name, kept);
    if (!values.includes(value)) next.append(name, value);
    setParams(next);
  };
  const set = (name: string, value: string | undefined) => {
    const next = current();
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next);
  };
  if (error) return <ErrorNotice error={error} />;
  if (!shown) return <Loading />;
  const { products } = shown;
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
  return (
    <div className="layout">
      <aside aria-label={t('search.filters')}>
        <Facet
          legend={t('search.category')}
          values={products.facets.categories}
          selected={params.getAll('category')}
          onToggle={(value) =>
            set('category', params.get('category') === value ? undefined : value)
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
            values={group.values}
            selected={params
              .getAll('opt')
              .filter((pair) => pair.startsWith(`${group.name}:`))
              .map((pair) => pair.slice(group.name.length + 1))}
            onToggle={(value) => toggle('opt', `${group.name}:${value}`)}
          />
        ))}
        <fieldset>
          <legend>{t('search.price')}</legend>
          <label htmlFor="min-price">{t('search.minPrice')}</label>
          <input
            id="min-price"
            type="number"
            min={0}
            defaultValue={params.get('min') ?? ''}
            onBlur={(event) => set('min', event.target.value)}
          />
          <label htmlFor="max-price">{t('search.maxPrice')}</label>
          <input
            id="max-price"
            type="number"
            min={0}
            defaultValue={params.get('max') ?? ''}
            onBlur={(event) => set('max', event.target.value)}
          />
        </fieldset>
        <label>
          <input
            type="checkbox"
            checked={params.get('instock') === '1'}
            onChange={(event) => set('instock', event.target.checked ? '1' : undefined)}
          />{' '}
          {t('search.inStockOnly', { count: products.facets.inStock })}
        </label>
      </aside>
      <section aria-live="polite" aria-busy={loading}>
        <div className="row">
          <h1>
            {search.text ? t('search.resultsFor', { text: search.text }) : t('search.all')}{' '}
            <span className="muted">({t('search.count', { count: products.totalCount })})</span>
          </h1>
          <label htmlFor="sort" className="sr-only">
            {t('search.sort')}
          </label>
          <select
            id="sort"
            value={search.sort ?? ''}
            onChange={(event) => set('sort', event.target.value)}
          >
            {sorts.map((sort) => (
              <option key={sort} value={sort}>
                {t(`sort.${sort}`)}
              </option>
            ))}
          </select>
        </div>
        {products.nodes.length === 0 ? (
          <Empty>{t('search.none')}</Empty>
        ) : (
          <ul className="grid">
            {products.nodes.map((product) => (
              <ProductCard key={product.id} product={product} />
            ))}
          </ul>
        )}
        {products.hasNextPage ? (
          <button type="button" onClick={() => void more()} disabled={loading}>
            {t('search.more')}
          </button>
        ) : null}
      </section>
    </div>
  );
}

function Facet(props: {
  legend: string;
  values: { value: string; label: string; count: number }[];
  selected: string[];
  onToggle(value: string): void;
}) {
  if (props.values.length === 0) return null;
  return (
    <fieldset>
      <legend>{props.legend}</legend>
      {props.values.map((value) => (
        <label key={value.value}>
          <input
            type="checkbox"
            checked={props.selected.includes(value.value)}
            onChange={() => props.onToggle(value.value)}
          />{' '}
          {value.label} <span className="muted">({value.count})</span>
        </label>
      ))}
    </fieldset>
  );
}
