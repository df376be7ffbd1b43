import { Link } from 'react-router';
import { won } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { Empty } from '../../shared/ui';
import { cart, useCart } from '../cart';

export function CartPage() {
  const { t } = useI18n();
  const lines = useCart();
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
      <table>
        <thead>
          <tr>
            <th>{t('cart.product')}</th>
            <th className="num">{t('cart.quantity')}</th>
            <th className="num">{t('cart.amount')}</th>
            <th>
              <span className="sr-only">{t('cart.remove')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => (
            <tr key={line.skuId}>
              <td>
                <Link to={`/products/${line.productId}`}>{line.productName}</Link>
                <div className="muted">{line.optionsLabel}</div>
              </td>
              <td className="num">
                <input
                  type="number"
                  min={1}
                  aria-label={t('cart.quantityOf', { name: line.productName })}
                  value={line.quantity}
                  onChange={(event) =>
                    cart.setQuantity(line.skuId, Math.max(1, Number(event.target.value)))
                  }
                  style={{ width: '4rem' }}
                />
              </td>
              <td className="num">{won(line.unitPrice * line.quantity)}</td>
              <td>
                <button type="button" onClick={() => cart.setQuantity(line.skuId, 0)}>
                  {t('cart.remove')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">{t('cart.pricesAtCheckout')}</p>
      <Link className="button" to="/checkout">
        {t('cart.checkout')}
      </Link>
    </>
  );
}
