import { useEffect, useRef } from 'react';
import { useMutation } from '@apollo/client/react';
import { Link, useSearchParams } from 'react-router';
import { ConfirmPaymentDocument } from '../../graphql/generated';
import { won } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { ErrorNotice, Loading, ResultError } from '../../shared/ui';
import { cart } from '../cart';

/** Where the PG sends the customer back: the shop confirms the payment (idempotent) and shows it. */
export function PaymentSuccessPage() {
  const { t } = useI18n();
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
  if (confirmed.error) return <ErrorNotice error={confirmed.error} />;
  if (!result) return <Loading />;
  return (
    <>
      <h1>{result.__typename === 'Payment' ? t('payment.done') : t('payment.failed')}</h1>
      {result.__typename === 'Payment' ? (
        <p>
          {t('payment.paid', { amount: won(result.amount) })}{' '}
          <span className="status" data-testid="payment-status">
            {t(`paymentStatus.${result.status}`)}
          </span>
        </p>
      ) : (
        <ResultError result={result} />
      )}
      <Link to={`/orders/${orderId}`}>{t('payment.viewOrder')}</Link>
    </>
  );
}

export function PaymentFailPage() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  return (
    <>
      <h1>{t('payment.failed')}</h1>
      <p role="alert" className="error">
        {params.get('message') ?? t('payment.failedRetry')}
      </p>
      <Link to="/cart">{t('payment.backToCart')}</Link>
    </>
  );
}
