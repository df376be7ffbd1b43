import { useMutation } from '@apollo/client/react';
import {
  ApproveReturnDocument,
  ReceiveReturnDocument,
  RejectReturnDocument,
  type ReturnStatus,
} from '../graphql/generated';
import { useI18n } from '../shared/i18n';
import { ResultError } from '../shared/ui';

/**
 * What the shop does next with a return: approve (which books the pickup) or reject a request,
 * receive what came back (refund, or ship the exchange). APPROVED is the moment the pickup is
 * being booked (the shop finishes it on its own), so nothing is offered then.
 */
export function ReturnSteps(props: {
  ret: { id: string; status: ReturnStatus };
  refetchQueries: string[];
}) {
  const { t } = useI18n();
  const { ret, refetchQueries } = props;
  const [approve, approved] = useMutation(ApproveReturnDocument, { refetchQueries });
  const [reject, rejected] = useMutation(RejectReturnDocument, { refetchQueries });
  const [receive, received] = useMutation(ReceiveReturnDocument, { refetchQueries });
  const busy = approved.loading || rejected.loading || received.loading;
  const failure = [
    approved.data?.approveReturn,
    rejected.data?.rejectReturn,
    received.data?.receiveReturn,
  ].find((result) => result && result.__typename !== 'Return');
  const variables = { id: ret.id };
  return (
    <>
      {ret.status === 'REQUESTED' ? (
        <>
          <button type="button" disabled={busy} onClick={() => void approve({ variables })}>
            {t('admin.approveReturn')}
          </button>
          <button type="button" disabled={busy} onClick={() => void reject({ variables })}>
            {t('admin.rejectReturn')}
          </button>
        </>
      ) : null}
      {ret.status === 'APPROVED' ? <span className="muted">{t('admin.pickupBooking')}</span> : null}
      {ret.status === 'COLLECTING' || ret.status === 'RECEIVED' ? (
        <button
          type="button"
          className="primary"
          disabled={busy}
          onClick={() => void receive({ variables })}
        >
          {t('admin.receiveReturn')}
        </button>
      ) : null}
      {failure && failure.__typename !== 'Return' ? <ResultError result={failure} /> : null}
    </>
  );
}
