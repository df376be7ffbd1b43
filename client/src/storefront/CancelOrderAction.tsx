import { useState } from 'react';
import { ConfirmDialog } from '../shared/ConfirmDialog';
import { useI18n } from '../shared/i18n';
import { useMoney } from './money';

/**
 * The order's cancel button, which first says what cancelling does — the refund of a paid order,
 * the stock, coupon and points given back — and cancels only once the shopper confirms.
 */
export function CancelOrderAction({
  order,
  busy,
  onCancel,
}: {
  order: {
    status: string;
    totalAmount: number;
    refundedAmount: number;
    couponDiscount: number;
    pointsUsed: number;
  };
  busy: boolean;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const money = useMoney();
  const [asking, setAsking] = useState(false);
  // A pending order has charged nothing; a paid one is refunded whatever it has not been yet.
  const refund = order.status === 'PENDING' ? 0 : order.totalAmount - order.refundedAmount;
  return (
    <>
      <button type="button" disabled={busy} onClick={() => setAsking(true)}>
        {t('orders.cancel')}
      </button>
      <ConfirmDialog
        open={asking}
        title={t('orders.cancelTitle')}
        confirmLabel={t('orders.cancelConfirm')}
        dismissLabel={t('orders.keep')}
        onDismiss={() => setAsking(false)}
        onConfirm={() => {
          setAsking(false);
          onCancel();
        }}
      >
        <ul>
          <li data-testid="cancel-refund">
            {refund > 0
              ? t('orders.cancelRefund', { amount: money(refund) })
              : t('orders.cancelNothingCharged')}
          </li>
          <li>{t('orders.cancelStockBack')}</li>
          {order.couponDiscount > 0 ? <li>{t('orders.cancelCouponBack')}</li> : null}
          {order.pointsUsed > 0 ? (
            <li>{t('orders.cancelPointsBack', { points: order.pointsUsed })}</li>
          ) : null}
        </ul>
        <p className="muted">{t('orders.cancelFinal')}</p>
      </ConfirmDialog>
    </>
  );
}
