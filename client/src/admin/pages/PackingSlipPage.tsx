import { useQuery } from '@apollo/client/react';
import { Link, useParams } from 'react-router';
import { AdminOrderDocument } from '../../graphql/generated';
import { useI18n } from '../../shared/i18n';
import { QueryView } from '../../shared/ui';

/**
 * The packing slip to put in the parcel: what to pack and where it goes, no prices. The print
 * stylesheet leaves only the slip on paper.
 */
export function PackingSlipPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const { data, error } = useQuery(AdminOrderDocument, { variables: { id } });
  return (
    <QueryView
      result={{ data, error }}
      isEmpty={(found) => !found.order}
      empty={t('orders.notFound')}
    >
      {({ order }) => (
        <article className="packing-slip" aria-labelledby="packing-slip-title">
          <p className="row no-print">
            <Link to={`/orders/${order!.id}`}>{t('admin.openOrder')}</Link>
            <button type="button" className="primary" onClick={() => window.print()}>
              {t('admin.print')}
            </button>
          </p>
          <h1 id="packing-slip-title">{t('admin.packingSlip')}</h1>
          <p>
            {t('admin.orderNumber')} {order!.id}
          </p>
          <h2>{t('admin.shippingAddress')}</h2>
          <p data-testid="slip-address">
            {order!.shippingAddress.recipient} · {order!.shippingAddress.phone}
            <br />({order!.shippingAddress.postalCode}) {order!.shippingAddress.line1}{' '}
            {order!.shippingAddress.line2 ?? ''}
          </p>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('admin.itemName')}</th>
                <th scope="col">{t('admin.options')}</th>
                <th scope="col">{t('admin.quantity')}</th>
              </tr>
            </thead>
            <tbody>
              {order!.lines.map((line) => (
                <tr key={line.id}>
                  <td>{line.productName}</td>
                  <td>
                    {line.options.map((option) => `${option.name}: ${option.value}`).join(', ')}
                  </td>
                  <td>{line.quantity}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </article>
      )}
    </QueryView>
  );
}
