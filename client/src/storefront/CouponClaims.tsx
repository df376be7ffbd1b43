import { useMutation, useQuery } from '@apollo/client/react';
import { ClaimableCouponsDocument, ClaimCouponDocument } from '../graphql/generated';
import { useI18n } from '../shared/i18n';
import { ResultError } from '../shared/ui';
import { useMoney } from './money';

/** What a claimed coupon changes: the offers left, and the coupons the checkout and account list. */
export const afterCouponClaimed = ['ClaimableCoupons', 'CheckoutProfile', 'MyAccount'];

/**
 * Coupons the shop offers that one may still claim, to claim into one's own coupons. A claim
 * refetches the offers too, so a coupon held up to its limit leaves the list.
 */
export function CouponClaims() {
  const { t } = useI18n();
  const money = useMoney();
  const offers = useQuery(ClaimableCouponsDocument);
  const [claim, claimed] = useMutation(ClaimCouponDocument, {
    refetchQueries: afterCouponClaimed,
  });
  const outcome = claimed.data?.claimCoupon;
  const templates = offers.data?.claimableCoupons ?? [];
  // After the last offer is claimed the list is gone, but the outcome is still said.
  if (templates.length === 0 && !outcome) return null;
  return (
    <div>
      {templates.length > 0 ? (
        <>
          <h3>{t('coupons.offers')}</h3>
          <ul className="coupon-offers">
            {templates.map((template) => (
              <li key={template.id}>
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
        </>
      ) : null}
      {outcome?.__typename === 'Coupon' ? <p role="status">{t('coupons.claimed')}</p> : null}
      {outcome && outcome.__typename !== 'Coupon' ? <ResultError result={outcome} /> : null}
    </div>
  );
}
