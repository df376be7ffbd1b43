import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { CarriersDocument, ShipOrderDocument } from '../graphql/generated';
import { useI18n } from '../shared/i18n';
import { ResultError } from '../shared/ui';

/** Hands a READY shipment to a carrier from the shop's list (delivery refuses any other). */
export function ShipForm(props: { orderId: string; refetchQueries: string[] }) {
  const { t } = useI18n();
  const { orderId, refetchQueries } = props;
  const carriers = useQuery(CarriersDocument).data?.carriers ?? [];
  const [chosen, setChosen] = useState('');
  const [trackingNumber, setTrackingNumber] = useState('');
  const [ship, shipped] = useMutation(ShipOrderDocument, { refetchQueries });
  const carrier = chosen || carriers[0] || '';
  const failure = shipped.data?.shipOrder;
  return (
    <>
      <label htmlFor={`carrier-${orderId}`} className="sr-only">
        {t('admin.carrier')}
      </label>
      <select
        id={`carrier-${orderId}`}
        value={carrier}
        onChange={(event) => setChosen(event.target.value)}
      >
        {carriers.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </select>
      <label htmlFor={`tracking-${orderId}`} className="sr-only">
        {t('admin.trackingNumber')}
      </label>
      <input
        id={`tracking-${orderId}`}
        placeholder={t('admin.trackingNumber')}
        value={trackingNumber}
        onChange={(event) => setTrackingNumber(event.target.value)}
      />
      <button
        type="button"
        className="primary"
        disabled={!carrier || shipped.loading}
        onClick={() =>
          void ship({ variables: { orderId, carrier, trackingNumber: trackingNumber || null } })
        }
      >
        {t('admin.ship')}
      </button>
      {failure && failure.__typename !== 'Shipment' ? <ResultError result={failure} /> : null}
    </>
  );
}
