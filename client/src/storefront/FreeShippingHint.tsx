import { useI18n } from '../shared/i18n';
import { useMoney } from './money';

/** How much more in goods would ship free, as the server's quote reckons it; nothing once free. */
export function FreeShippingHint({ amountToFreeShipping }: { amountToFreeShipping: number }) {
  const { t } = useI18n();
  const money = useMoney();
  if (amountToFreeShipping <= 0) return null;
  return (
    <p className="muted">{t('cart.freeShippingHint', { amount: money(amountToFreeShipping) })}</p>
  );
}
