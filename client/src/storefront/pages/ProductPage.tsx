import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { Link, useParams } from 'react-router';
import { ProductDetailDocument } from '../../graphql/generated';
import { useI18n } from '../../shared/i18n';
import { ErrorNotice, Loading } from '../../shared/ui';
import { Breadcrumbs } from '../Breadcrumbs';
import { cart } from '../cart';
import { optionsLabel } from '../line-view';
import { useMoney } from '../money';
import { canPick, selectedSku, type Selection } from '../option-picker';
import { ProductGallery } from '../ProductGallery';
import { usePageMeta } from '../page-meta';
import { cheapestOnSale } from '../sale-price';
import { SalePrice } from '../SalePrice';
import { useShopText } from '../shop-texts';

/**
 * A product: its pictures, price and options, and a buy bar (quantity, what it comes to, add to
 * cart) that stays at the bottom of a phone's screen while the shopper reads on.
 */
export function ProductPage() {
  const { t } = useI18n();
  const text = useShopText();
  const money = useMoney();
  const { id } = useParams();
  const { data, error } = useQuery(ProductDetailDocument, { variables: { id: id! } });
  const [selection, setSelection] = useState<Selection>({});
  const [quantity, setQuantity] = useState(1);
  const [added, setAdded] = useState(false);
  const product = data?.product;
  const advertised = product && cheapestOnSale(product.skus);
  usePageMeta(
    data ? (product?.name ?? t('product.notFound')) : undefined,
    product
      ? text('meta.product', {
          name: product.name,
          price: advertised ? money(advertised.cheapest.salePrice) : '',
          description: product.description,
        })
      : text('meta.productMissing'),
  );
  if (error) return <ErrorNotice error={error} />;
  if (!data) return <Loading />;
  if (!product) return <p>{t('product.notFound')}</p>;
  const groups = product.optionGroups.map((group) => group.name);
  const sku =
    groups.length === 0
      ? product.skus.find((candidate) => candidate.enabled)
      : selectedSku(product.skus, groups, selection);
  const most = Math.max(1, sku?.available ?? 1);
  const changeQuantity = (next: number) => setQuantity(Math.min(most, Math.max(1, next)));
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
    <>
      <Breadcrumbs
        trail={[
          ...(product.category
            ? [{ label: product.category.name, to: `/search?category=${product.category.id}` }]
            : []),
          { label: product.name },
        ]}
      />
      <article className="product">
        <ProductGallery key={product.id} name={product.name} images={product.images} />
        <div className="product-summary">
          {product.brand ? <p className="product-brand">{product.brand.name}</p> : null}
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
            <fieldset key={group.name} className="options">
              <legend>{group.name}</legend>
              <div className="row">
                {group.values.map((value) => {
                  const available = canPick(product.skus, selection, group.name, value);
                  return (
                    <button
                      key={value}
                      type="button"
                      className="option"
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
        </div>
        <div className="buy-bar">
          {added ? (
            <p role="status" className="buy-added">
              {t('product.added')} <Link to="/cart">{t('product.goToCart')}</Link>
            </p>
          ) : null}
          <p className="buy-info">
            {sku ? (
              <>
                <strong>{money(sku.salePrice * quantity)}</strong>
                <span className="muted">
                  {sku.available > 0
                    ? t('product.available', { count: sku.available })
                    : t('product.soldOut')}
                </span>
              </>
            ) : (
              <span className="muted">{t('product.pickOptions')}</span>
            )}
          </p>
          <div className="buy-actions">
            <div className="stepper">
              <button
                type="button"
                className="icon-button"
                aria-label={text('buy.decrease')}
                disabled={quantity <= 1}
                onClick={() => changeQuantity(quantity - 1)}
              >
                −
              </button>
              <input
                aria-label={t('product.quantity')}
                type="number"
                inputMode="numeric"
                min={1}
                max={most}
                value={quantity}
                onChange={(event) => setQuantity(Math.max(1, Number(event.target.value)))}
              />
              <button
                type="button"
                className="icon-button"
                aria-label={text('buy.increase')}
                disabled={quantity >= most}
                onClick={() => changeQuantity(quantity + 1)}
              >
                +
              </button>
            </div>
            <button
              type="button"
              className="primary"
              disabled={!sku || sku.available < quantity}
              onClick={add}
            >
              {t('product.addToCart')}
            </button>
          </div>
        </div>
        {product.description ? (
          <div
            className="product-description"
            // Rendered by the product service with markdown-it, raw HTML off: tags the admin typed
            // arrive escaped and script links are dropped, so the HTML is safe as it is.
            dangerouslySetInnerHTML={{ __html: product.descriptionHtml }}
          />
        ) : null}
      </article>
    </>
  );
}
