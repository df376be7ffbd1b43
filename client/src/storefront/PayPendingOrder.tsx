import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { PayableOrderDocument, type PayableOrderQuery } from '../graphql/generated';
import { dateTime } from '../shared/format';
import { useI18n } from '../shared/i18n';
import { ErrorNotice, Loading } from '../shared/ui';
import { useMoney } from './money';
import { PayAtPgButton } from './PayAtPgButton';

type Order = NonNullable<PayableOrderQuery['order']>;

/** Payable while it waits for payment and its holds last; the sweeper cancels it after that. */
function isPayable(order: Order, now: number): boolean {
  return order.status === 'PENDING' && Date.parse(order.expiresAt) > now;
}

/**
 * Paying an order placed earlier, at the PG, for its recorded total: offered while it can still be
 * paid, otherwise the shopper is told so and sent to the cart to order again.
 */
export function PayPendingOrder({ orderId, again = false }: { orderId: string; again?: boolean }) {
  const { t, locale } = useI18n();
  const money = useMoney();
  // Always asked afresh: a payment that just failed may have failed the order too.
  const { data, error } = useQuery(PayableOrderDocument, {
    variables: { id: orderId },
    fetchPolicy: 'network-only',
  });
  if (error) return <ErrorNotice error={error} />;
  if (!data) return <Loading />;
  const { order, me } = data;
  if (!order || !me || !isPayable(order, Date.now()))
    return (
      <p data-testid="not-payable">
        {t('payment.noLongerPayable')} <Link to="/cart">{t('payment.backToCart')}</Link>
      </p>
    );
  const amount = money(order.totalAmount);
  return (
    <>
      <p className="muted">{t('checkout.payBy', { time: dateTime(order.expiresAt, locale) })}</p>
      <div className="row">
        <PayAtPgButton
          order={order}
          customerName={me.name}
          label={again ? t('payment.payAgain', { amount }) : t('checkout.payAmount', { amount })}
        />
      </div>
    </>
  );
}
