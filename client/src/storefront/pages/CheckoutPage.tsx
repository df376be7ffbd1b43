import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Navigate } from 'react-router';
import { CheckoutProfileDocument, PlaceOrderDocument } from '../../graphql/generated';
import { useI18n } from '../../shared/i18n';
import { useSession } from '../../shared/session';
import { ErrorNotice, Loading } from '../../shared/ui';
import { emptyAddress } from '../AddressFields';
import { useCart } from '../cart';
import { CheckoutForm, shipToOf, type CheckoutChoices } from '../CheckoutForm';
import { usePageMeta } from '../page-meta';
import { PlacedOrderReview } from '../PlacedOrderReview';
import { useShopText } from '../shop-texts';

export function CheckoutPage() {
  const { t } = useI18n();
  const text = useShopText();
  const signedIn = useSession();
  usePageMeta(t('checkout.title'), text('meta.checkout'));
  if (!signedIn) return <Navigate to="/login?next=/checkout" replace />;
  return <Checkout />;
}

/**
 * Two steps: the shopper makes their choices against the server's quote, the shop places the order
 * (holding stock, coupon and points), and the page shows what the PG will charge, as the order
 * recorded it, before sending them there.
 */
function Checkout() {
  const { t } = useI18n();
  const lines = useCart();
  const profile = useQuery(CheckoutProfileDocument);
  const [choices, setChoices] = useState<CheckoutChoices>({
    couponId: '',
    points: 0,
    address: emptyAddress,
  });
  // One key per order: a double click or a retried request places one order. An order changed
  // after review is cancelled, so the next one gets a new key.
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());
  const [placeOrder, placing] = useMutation(PlaceOrderDocument);
  if (lines.length === 0) return <Navigate to="/cart" replace />;
  if (profile.error) return <ErrorNotice error={profile.error} />;
  const me = profile.data?.me;
  if (!me) return <Loading />;
  const placed = placing.data?.createOrder;
  const place = async () => {
    const { data } = await placeOrder({
      variables: {
        input: {
          lines: lines.map(({ skuId, quantity }) => ({ skuId, quantity })),
          couponId: choices.couponId || null,
          pointsToUse: choices.points,
          shippingAddress: shipToOf(me, choices),
          idempotencyKey,
        },
      },
    });
    // A refused order stays recorded, failed, under its key: the next try needs a new one.
    if (data && data.createOrder.__typename !== 'Order') setIdempotencyKey(crypto.randomUUID());
  };
  return (
    <>
      <h1>{t('checkout.title')}</h1>
      {placed?.__typename === 'Order' ? (
        <PlacedOrderReview
          order={placed}
          customerName={me.name}
          onChanged={() => {
            placing.reset();
            setIdempotencyKey(crypto.randomUUID());
          }}
        />
      ) : (
        <CheckoutForm
          me={me}
          choices={choices}
          onChoices={setChoices}
          onPlace={() => void place()}
          placing={placing.loading}
          refusal={placed}
          error={placing.error}
        />
      )}
    </>
  );
}
