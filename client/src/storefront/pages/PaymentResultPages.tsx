import { useEffect, useRef } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Link, useSearchParams } from 'react-router';
import {
  ConfirmPaymentDocument,
  PaidOrderDocument,
  type ConfirmPaymentMutation,
} from '../../graphql/generated';
import { useI18n } from '../../shared/i18n';
import { ErrorNotice, Loading, ResultError } from '../../shared/ui';
import { cart } from '../cart';
import { useMoney } from '../money';
import { usePageMeta } from '../page-meta';
import { PayPendingOrder } from '../PayPendingOrder';
import { errorCodeOfPgRefusal } from '../pg-refusal';
import { useShopText } from '../shop-texts';

type Payment = Extract<ConfirmPaymentMutation['confirmPayment'], { __typename: 'Payment' }>;

/** Where the PG sends the customer back: the shop confirms the payment (idempotent) and shows it. */
export function PaymentSuccessPage() {
  const { t } = useI18n();
  const text = useShopText();
  const [params] = useSearchParams();
  const orderId = params.get('orderId') ?? '';
  const [confirm, confirmed] = useMutation(ConfirmPaymentDocument);
  const asked = useRef(false);
  useEffect(() => {
    if (asked.current) return;
    asked.current = true;
    void confirm({
      variables: {
        input: {
          orderId,
          paymentKey: params.get('paymentKey') ?? '',
          amount: Number(params.get('amount')),
        },
      },
    }).then(({ data }) => {
      if (data?.confirmPayment.__typename === 'Payment') cart.clear();
    });
  }, [confirm, orderId, params]);
  const result = confirmed.data?.confirmPayment;
  usePageMeta(
    result?.__typename === 'Payment'
      ? t('payment.done')
      : result || confirmed.error
        ? t('payment.failed')
        : undefined,
    text('meta.payment'),
  );
  if (confirmed.error) return <ErrorNotice error={confirmed.error} />;
  if (!result) return <Loading />;
  return (
    <>
      <h1>{result.__typename === 'Payment' ? t('payment.done') : t('payment.failed')}</h1>
      {result.__typename === 'Payment' ? (
        <PaidOrder orderId={orderId} payment={result} />
      ) : (
        <>
          <ResultError result={result} />
          {/* Still being confirmed: paying again would only charge the card twice. */}
          {result.errorCode === 'IN_PROGRESS' ? null : <PayPendingOrder orderId={orderId} again />}
        </>
      )}
      <Link to={`/orders/${orderId}`}>{t('payment.viewOrder')}</Link>
    </>
  );
}

/** What was bought and what the PG charged for it, as the shop recorded the payment. */
function PaidOrder({ orderId, payment }: { orderId: string; payment: Payment }) {
  const { t } = useI18n();
  const money = useMoney();
  const order = useQuery(PaidOrderDocument, { variables: { id: orderId } });
  return (
    <table aria-label={t('payment.summary')} className="summary">
      <tbody>
        <tr>
          <th scope="row">{t('orders.number')}</th>
          <td className="num">{orderId}</td>
        </tr>
        <tr>
          <th scope="row">{t('orders.name')}</th>
          <td className="num">{order.data?.order?.orderName}</td>
        </tr>
        <tr>
          <th scope="row">{t('payment.charged')}</th>
          <td className="num price">{money(payment.amount)}</td>
        </tr>
        <tr>
          <th scope="row">{t('orders.status')}</th>
          <td className="num">
            <span className="status" data-testid="payment-status">
              {t(`paymentStatus.${payment.status}`)}
            </span>
          </td>
        </tr>
      </tbody>
    </table>
  );
}

/**
 * Where the PG sends the shopper when it refused on its own page (a lost card, say, or they gave
 * up): its refusal code in their words, and the same order to pay again while it still can be.
 */
export function PaymentFailPage() {
  const { t } = useI18n();
  const text = useShopText();
  usePageMeta(t('payment.failed'), text('meta.payment'));
  const [params] = useSearchParams();
  const pgCode = params.get('code');
  const orderId = params.get('orderId');
  return (
    <>
      <h1>{t('payment.failed')}</h1>
      {pgCode ? (
        <ResultError
          result={{ errorCode: errorCodeOfPgRefusal(pgCode), message: params.get('message') ?? '' }}
        />
      ) : (
        <p role="alert" className="error">
          {t('payment.failedRetry')}
        </p>
      )}
      {orderId ? (
        <PayPendingOrder orderId={orderId} again />
      ) : (
        <Link to="/cart">{t('payment.backToCart')}</Link>
      )}
    </>
  );
}
