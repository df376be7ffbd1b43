import { Link } from 'react-router';
import { useI18n } from '../../shared/i18n';
import { useSession } from '../../shared/session';
import { Empty, ErrorNotice, Loading, ResultError } from '../../shared/ui';
import { cart, useCart } from '../cart';
import { useCartQuote } from '../cart-quote';
import { FreeShippingHint } from '../FreeShippingHint';
import { LineList } from '../LineList';
import { quotedLines, type LineView } from '../line-view';
import { usePageMeta } from '../page-meta';
import { PriceSummary } from '../PriceSummary';
import { useShopText } from '../shop-texts';

export function CartPage() {
  const { t } = useI18n();
  const text = useShopText();
  const lines = useCart();
  usePageMeta(t('cart.title'), text('meta.cart'));
  if (lines.length === 0)
    return (
      <>
        <h1>{t('cart.title')}</h1>
        <Empty>
          {t('cart.empty')} <Link to="/">{t('cart.shop')}</Link>
        </Empty>
      </>
    );
  return (
    <>
      <h1>{t('cart.title')}</h1>
      <CartContents />
      <Link className="button primary wide-on-phone" to="/checkout">
        {t('cart.checkout')}
      </Link>
    </>
  );
}

function CartContents() {
  const { t } = useI18n();
  const lines = useCart();
  const signedIn = useSession();
  const { quote, refusal, error } = useCartQuote(lines);
  return (
    <>
      <LineList
        label={t('cart.title')}
        lines={quotedLines(lines, quote)}
        controls={(line) => <LineControls line={line} />}
      />
      {error ? <ErrorNotice error={error} /> : null}
      {refusal ? <ResultError result={refusal} /> : null}
      {!signedIn ? (
        <p className="muted">
          <Link to="/login?next=/cart">{t('cart.logInForPrices')}</Link>
        </p>
      ) : quote ? (
        <>
          <PriceSummary
            label={t('cart.summary')}
            subtotal={quote.subtotal}
            productDiscount={quote.productDiscount}
            itemsTotal={quote.total}
            shippingFee={quote.shippingFee}
            total={{ label: t('cart.toPay'), amount: quote.totalAmount }}
          />
          <FreeShippingHint amountToFreeShipping={quote.amountToFreeShipping} />
          <p className="muted">{t('cart.atCheckout')}</p>
        </>
      ) : error || refusal ? null : (
        <Loading />
      )}
    </>
  );
}

/** The quantity of a line, and taking it out of the cart. */
function LineControls({ line }: { line: LineView }) {
  const { t } = useI18n();
  return (
    <div className="row">
      <input
        type="number"
        min={1}
        aria-label={t('cart.quantityOf', { name: line.productName })}
        value={line.quantity}
        onChange={(event) => cart.setQuantity(line.skuId, Math.max(1, Number(event.target.value)))}
        className="quantity"
      />
      <button type="button" onClick={() => cart.setQuantity(line.skuId, 0)}>
        {t('cart.remove')}
      </button>
    </div>
  );
}
