import type { AdminProductQuery } from '../../graphql/generated';
import { dateTime } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { useProductText } from './product-texts';

type Movement = NonNullable<AdminProductQuery['product']>['skus'][number]['stockMovements'][number];

/** Every change of one SKU's stock, newest first: when, why, how many, by whom. */
export function StockHistory({ label, movements }: { label: string; movements: Movement[] }) {
  const text = useProductText();
  const { locale } = useI18n();
  const caption = text('history.title', { name: label });
  if (movements.length === 0) return <p className="muted">{text('history.none')}</p>;
  return (
    <table className="stock-history" aria-label={caption}>
      <thead>
        <tr>
          <th>{text('history.when')}</th>
          <th>{text('history.what')}</th>
          <th className="num">{text('history.quantity')}</th>
          <th>{text('history.who')}</th>
          <th>{text('history.note')}</th>
        </tr>
      </thead>
      <tbody>
        {movements.map((movement) => (
          <tr key={`${movement.kind}-${movement.reference}`}>
            <td>{dateTime(movement.createdAt as string, locale)}</td>
            <td>
              {movement.reason ? text(`reason.${movement.reason}`) : text(`kind.${movement.kind}`)}
            </td>
            <td className="num">
              {movement.quantity > 0 ? `+${movement.quantity}` : movement.quantity}
            </td>
            <td>{movement.actor?.email ?? text('history.system')}</td>
            <td>{movement.note ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
