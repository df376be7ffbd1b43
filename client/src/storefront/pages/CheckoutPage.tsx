import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Navigate } from 'react-router';
import {
  CheckoutProfileDocument,
  PlaceOrderDocument,
  QuoteDocument,
  type ShippingAddressInput,
} from '../../graphql/generated';
import { useConfig } from '../../shared/config-context';
import { won } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { useSession } from '../../shared/session';
import { ErrorNotice, Loading, ResultError } from '../../shared/ui';
import { useCart } from '../cart';
import { AddressFields, emptyAddress } from '../AddressFields';
import { CouponClaims } from '../CouponClaims';

export function CheckoutPage() {
  const signedIn = useSession();
  if (!signedIn) return <Navigate to="/login?next=/checkout" replace />;
  return <Checkout />;
}

function Checkout() {
  const { t } = useI18n();
  const config = useConfig();
  const lines = useCart();
  const profile = useQuery(CheckoutProfileDocument);
  const [couponId, setCouponId] = useState('');
  const [points, setPoints] = useState(0);
  const [addressId, setAddressId] = useState<string | undefined>();
  const [address, setAddress] = useState<ShippingAddressInput>(emptyAddress);
  // One key per checkout: a double click or a retried request places one order.
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const quoteLines = lines.map(({ skuId, quantity }) => ({ skuId, quantity }));
  const quote = useQuery(QuoteDocument, {
    variables: { lines: quoteLines, couponId: couponId || null },
    skip: lines.length === 0,
  });
  const [placeOrder, placing] = useMutation(PlaceOrderDocument);
  if (lines.length === 0) return <Navigate to="/cart" replace />;
  if (profile.error) return <ErrorNotice error={profile.error} />;
  const me = profile.data?.me;
  if (!me) return <Loading />;
  const saved = me.addresses.find(
    (candidate) => candidate.id === (addressId ?? me.addresses.find((a) => a.isDefault)?.id),
  );
  const shipTo: ShippingAddressInput = saved
    ? {
        recipient: saved.recipient,
        phone: saved.phone,
        postalCode: saved.postalCode,
        line1: saved.line1,
        line2: saved.line2,
      }
    : address;
  // The cart's lines are the shop's own, so a refused quote is a fault to show, not to fix here.
  const answer = quote.data?.quote;
  const priced = answer?.__typename === 'CartQuote' ? answer : undefined;
  const total = priced?.total ?? 0;
  const result = placing.data?.createOrder;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const { data } = await placeOrder({
      variables: {
        input: {
          lines: quoteLines,
          couponId: couponId || null,
          pointsToUse: points,
          shippingAddress: shipTo,
          idempotencyKey,
        },
      },
    });
    const order = data?.createOrder;
    if (order?.__typename !== 'Order') return;
    const back = window.location.origin;
    const params = new URLSearchParams({
      clientKey: config.pgClientKey,
      orderId: order.id,
      orderName: order.orderName,
      amount: String(order.totalAmount),
      customerName: me.name,
      successUrl: `${back}/payment/success`,
      failUrl: `${back}/payment/fail`,
    });
    window.location.assign(`${config.pgCheckoutUrl}?${params}`);
  };

  return (
    <form onSubmit={(event) => void submit(event)}>
      <h1>{t('checkout.title')}</h1>
      <fieldset>
        <legend>{t('checkout.address')}</legend>
        {me.addresses.length > 0 ? (
          <>
            <label htmlFor="saved-address">{t('checkout.savedAddress')}</label>
            <select
              id="saved-address"
              value={saved?.id ?? ''}
              onChange={(event) => setAddressId(event.target.value)}
            >
              {me.addresses.map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {candidate.label} · {candidate.line1}
                </option>
              ))}
              <option value="">{t('checkout.newAddress')}</option>
            </select>
          </>
        ) : null}
        {saved ? null : <AddressFields value={address} onChange={setAddress} />}
      </fieldset>
      <fieldset>
        <legend>{t('checkout.coupon')}</legend>
        <label htmlFor="coupon">{t('checkout.coupon')}</label>
        <select id="coupon" value={couponId} onChange={(event) => setCouponId(event.target.value)}>
          <option value="">{t('checkout.noCoupon')}</option>
          {me.coupons.map((coupon) => (
            <option key={coupon.id} value={coupon.id}>
              {coupon.template.name}
            </option>
          ))}
        </select>
        {priced?.couponRejection ? (
          <p role="alert" className="error">
            {t('checkout.couponRejected')}
          </p>
        ) : null}
        <CouponClaims />
      </fieldset>
      <fieldset>
        <legend>{t('checkout.points')}</legend>
        <label htmlFor="points">{t('checkout.pointsToUse', { balance: me.pointsBalance })}</label>
        <input
          id="points"
          type="number"
          min={0}
          max={me.pointsBalance}
          value={points}
          onChange={(event) =>
            setPoints(Math.min(me.pointsBalance, Math.max(0, Number(event.target.value))))
          }
        />
      </fieldset>
      {answer && answer.__typename !== 'CartQuote' ? <ResultError result={answer} /> : null}
      {priced ? (
        <table aria-label={t('checkout.summary')}>
          <tbody>
            <tr>
              <th>{t('checkout.subtotal')}</th>
              <td className="num">{won(priced.subtotal)}</td>
            </tr>
            <tr>
              <th>{t('checkout.productDiscount')}</th>
              <td className="num">−{won(priced.productDiscount)}</td>
            </tr>
            <tr>
              <th>{t('checkout.couponDiscount')}</th>
              <td className="num">−{won(priced.couponDiscount)}</td>
            </tr>
            <tr>
              <th>{t('checkout.pointsUsed')}</th>
              <td className="num">−{won(points)}</td>
            </tr>
            <tr>
              <th>{t('checkout.beforeShipping')}</th>
              <td className="num price">{won(Math.max(0, total - points))}</td>
            </tr>
          </tbody>
        </table>
      ) : answer ? null : (
        <Loading />
      )}
      {result && result.__typename !== 'Order' ? <ResultError result={result} /> : null}
      {placing.error ? <ErrorNotice error={placing.error} /> : null}
      <button type="submit" className="primary" disabled={placing.loading || !priced}>
        {t('checkout.pay')}
      </button>
    </form>
  );
}
