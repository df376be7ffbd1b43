import { useMutation, useQuery } from '@apollo/client/react';
import { ClaimableCouponsDocument, ClaimCouponDocument } from '../graphql/generated';
import { useI18n } from '../shared/i18n';
import { ResultError } from '../shared/ui';
import { useMoney } from './money';

/** Coupons the shop offers to everyone, to claim into one's own coupons. */
export function CouponClaims() {
  const { t } = useI18n();
  const money = useMoney();
  const offers = useQuery(ClaimableCouponsDocument);
  const [claim, claimed] = useMutation(ClaimCouponDocument, {
    refetchQueries: ['CheckoutProfile', 'MyAccount'],
  });
  const outcome = claimed.data?.claimCoupon;
  if (!offers.data || offers.data.claimableCoupons.length === 0) return null;
  return (
    <div>
      <h3>{t('coupons.offers')}</h3>
      <ul>
        {offers.data.claimableCoupons.map((template) => (
          <li key={template.id} className="row">
            <span>
              {template.name} ·{' '}
              {template.kind === 'RATE' ? `${template.value}%` : money(template.value)}
            </span>
            <button
              type="button"
              aria-label={`${template.name} ${t('coupons.claim')}`}
              onClick={() => void claim({ variables: { templateId: template.id } })}
            >
              {t('coupons.claim')}
            </button>
          </li>
        ))}
      </ul>
      {outcome?.__typename === 'Coupon' ? <p role="status">{t('coupons.claimed')}</p> : null}
      {outcome && outcome.__typename !== 'Coupon' ? <ResultError result={outcome} /> : null}
    </div>
  );
}
