import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { Link, useParams } from 'react-router';
import { ProductDetailDocument } from '../../graphql/generated';
import { useI18n } from '../../shared/i18n';
import { ErrorNotice, Loading } from '../../shared/ui';
import { cart } from '../cart';
import { optionsLabel } from '../line-view';
import { canPick, selectedSku, type Selection } from '../option-picker';
import { cheapestOnSale } from '../sale-price';
import { SalePrice } from '../SalePrice';

export function ProductPage() {
  const { t } = useI18n();
  const { id } = useParams();
  const { data, error } = useQuery(ProductDetailDocument, { variables: { id: id! } });
  const [selection, setSelection] = useState<Selection>({});
  const [quantity, setQuantity] = useState(1);
  const [added, setAdded] = useState(false);
  if (error) return <ErrorNotice error={error} />;
  if (!data) return <Loading />;
  const product = data.product;
  if (!product) return <p>{t('product.notFound')}</p>;
  const groups = product.optionGroups.map((group) => group.name);
  const sku =
    groups.length === 0
      ? product.skus.find((candidate) => candidate.enabled)
      : selectedSku(product.skus, groups, selection);
  const advertised = cheapestOnSale(product.skus);
  const add = () => {
    if (!sku) return;
    cart.add({
      skuId: sku.id,
      productId: product.id,
      productName: product.name,
      thumbnail: product.images[0] ?? null,
      optionsLabel: optionsLabel(sku.options),
      quantity,
    });
    setAdded(true);
  };
  return (
    <article className="layout">
      <div>
        {product.images[0] ? (
          <img src={product.images[0]} alt={product.name} style={{ width: '100%' }} />
        ) : null}
      </div>
      <div>
        {product.brand ? <p className="muted">{product.brand.name}</p> : null}
        <h1>{product.name}</h1>
        <p className="price">
          {sku ? (
            <SalePrice price={sku.price} salePrice={sku.salePrice} />
          ) : advertised ? (
            <SalePrice
              price={advertised.cheapest.price}
              salePrice={advertised.cheapest.salePrice}
              from={advertised.varies}
            />
          ) : null}
        </p>
        {product.optionGroups.map((group) => (
          <fieldset key={group.name}>
            <legend>{group.name}</legend>
            <div className="row">
              {group.values.map((value) => {
                const available = canPick(product.skus, selection, group.name, value);
                return (
                  <button
                    key={value}
                    type="button"
                    aria-pressed={selection[group.name] === value}
                    disabled={!available}
                    title={available ? undefined : t('product.optionSoldOut')}
                    onClick={() => {
                      setSelection({ ...selection, [group.name]: value });
                      setAdded(false);
                    }}
                  >
                    {value}
                  </button>
                );
              })}
            </div>
          </fieldset>
        ))}
        {sku ? (
          <p className="muted">
            {sku.available > 0
              ? t('product.available', { count: sku.available })
              : t('product.soldOut')}
          </p>
        ) : (
          <p className="muted">{t('product.pickOptions')}</p>
        )}
        <label htmlFor="quantity">{t('product.quantity')}</label>
        <input
          id="quantity"
          type="number"
          min={1}
          max={Math.max(1, sku?.available ?? 1)}
          value={quantity}
          onChange={(event) => setQuantity(Math.max(1, Number(event.target.value)))}
        />{' '}
        <button
          type="button"
          className="primary"
          disabled={!sku || sku.available < quantity}
          onClick={add}
        >
          {t('product.addToCart')}
        </button>
        {added ? (
          <p role="status">
            {t('product.added')} <Link to="/cart">{t('product.goToCart')}</Link>
          </p>
        ) : null}
        <p>{product.description}</p>
      </div>
    </article>
  );
}
