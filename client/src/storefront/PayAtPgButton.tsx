import { useConfig } from '../shared/config-context';
import { pgCheckoutUrl } from './pg-checkout';

/** Sends the shopper to the PG's payment page for the order, which charges its total. */
export function PayAtPgButton({
  order,
  customerName,
  label,
}: {
  order: { id: string; orderName: string; totalAmount: number };
  customerName: string;
  label: string;
}) {
  const config = useConfig();
  return (
    <button
      type="button"
      className="primary"
      onClick={() => window.location.assign(pgCheckoutUrl(config, order, customerName))}
    >
      {label}
    </button>
  );
}
