import type { FormEvent } from 'react';
import type { ErrorLike } from '@apollo/client';
import type {
  CheckoutProfileQuery,
  PlaceOrderMutation,
  ShippingAddressInput,
} from '../graphql/generated';
import { useI18n } from '../shared/i18n';
import { ErrorNotice, Loading, ResultError } from '../shared/ui';
import { AddressFields } from './AddressFields';
import { useCart } from './cart';
import { useCartQuote } from './cart-quote';
import { CouponClaims } from './CouponClaims';
import { CouponCodeClaim } from './CouponCodeClaim';
import { FreeShippingHint } from './FreeShippingHint';
import { LineList } from './LineList';
import { quotedLines } from './line-view';
import { PriceSummary } from './PriceSummary';

type Profile = NonNullable<CheckoutProfileQuery['me']>;
type Refusal = Exclude<PlaceOrderMutation['createOrder'], { __typename: 'Order' }>;

/** What the shopper picks at checkout; kept while they review the placed order and come back. */
export interface CheckoutChoices {
  couponId: string;
  points: number;
  /** A saved address; undefined for the default one, '' for a new address typed in. */
  addressId?: string;
  address: ShippingAddressInput;
}

/** Where to ship: the saved address chosen, else the one typed in. */
export function shipToOf(me: Profile, choices: CheckoutChoices): ShippingAddressInput {
  const saved = savedAddressOf(me, choices);
  if (!saved) return choices.address;
  const { recipient, phone, postalCode, line1, line2 } = saved;
  return { recipient, phone, postalCode, line1, line2 };
}

const savedAddressOf = (me: Profile, { addressId }: CheckoutChoices) =>
  me.addresses.find(
    (candidate) => candidate.id === (addressId ?? me.addresses.find((a) => a.isDefault)?.id),
  );

/**
 * The checkout's first step: address, coupon and points, with the lines, discounts, shipping and
 * the amount to pay as the server quotes them — the figures createOrder records, so the review
 * after placing shows the same.
 */
export function CheckoutForm({
  me,
  choices,
  onChoices,
  onPlace,
  placing,
  refusal,
  error,
}: {
  me: Profile;
  choices: CheckoutChoices;
  onChoices: (choices: CheckoutChoices) => void;
  onPlace: () => void;
  placing: boolean;
  refusal: Refusal | undefined;
  error: ErrorLike | undefined;
}) {
  const { t } = useI18n();
  const lines = useCart();
  const quoted = useCartQuote(lines, {
    couponId: choices.couponId || null,
    pointsToUse: choices.points,
  });
  const { quote } = quoted;
  const saved = savedAddressOf(me, choices);
  const choose = (change: Partial<CheckoutChoices>) => onChoices({ ...choices, ...change });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onPlace();
  };
  return (
    <form onSubmit={submit} className="form">
      <fieldset>
        <legend>{t('checkout.address')}</legend>
        {me.addresses.length > 0 ? (
          <>
            <label htmlFor="saved-address">{t('checkout.savedAddress')}</label>
            <select
              id="saved-address"
              value={saved?.id ?? ''}
              onChange={(event) => choose({ addressId: event.target.value })}
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
        {saved ? null : (
          <AddressFields value={choices.address} onChange={(address) => choose({ address })} />
        )}
      </fieldset>
      <fieldset>
        <legend>{t('checkout.coupon')}</legend>
        <label htmlFor="coupon">{t('checkout.coupon')}</label>
        <select
          id="coupon"
          value={choices.couponId}
          onChange={(event) => choose({ couponId: event.target.value })}
        >
          <option value="">{t('checkout.noCoupon')}</option>
          {me.coupons.map((coupon) => (
            <option key={coupon.id} value={coupon.id}>
              {coupon.template.name}
            </option>
          ))}
        </select>
        {quote?.couponRejection ? (
          <p role="alert" className="error">
            {t('checkout.couponRejected')}
          </p>
        ) : null}
        <CouponCodeClaim />
        <CouponClaims />
      </fieldset>
      <fieldset>
        <legend>{t('checkout.points')}</legend>
        <label htmlFor="points">{t('checkout.pointsToUse', { balance: me.pointsBalance })}</label>
        <input
          id="points"
          type="number"
          min={0}
          max={Math.min(me.pointsBalance, quote?.maxPointsUsable ?? me.pointsBalance)}
          value={choices.points}
          onChange={(event) =>
            choose({
              points: Math.min(me.pointsBalance, Math.max(0, Number(event.target.value))),
            })
          }
        />
      </fieldset>
      <LineList label={t('orders.lines')} lines={quotedLines(lines, quote)} />
      {quoted.error ? <ErrorNotice error={quoted.error} /> : null}
      {quoted.refusal ? <ResultError result={quoted.refusal} /> : null}
      {quote ? (
        <>
          <PriceSummary
            label={t('checkout.discounts')}
            subtotal={quote.subtotal}
            productDiscount={quote.productDiscount}
            couponDiscount={quote.couponDiscount}
            pointsUsed={quote.pointsUsed}
            shippingFee={quote.shippingFee}
            total={{ label: t('orders.total'), amount: quote.totalAmount }}
          />
          <FreeShippingHint amountToFreeShipping={quote.amountToFreeShipping} />
        </>
      ) : quoted.error || quoted.refusal ? null : (
        <Loading />
      )}
      {refusal ? <ResultError result={refusal} /> : null}
      {error ? <ErrorNotice error={error} /> : null}
      <button type="submit" className="primary" disabled={placing || !quote}>
        {t('checkout.place')}
      </button>
    </form>
  );
}
