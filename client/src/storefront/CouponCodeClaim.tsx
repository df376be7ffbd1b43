import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { ClaimCouponCodeDocument } from '../graphql/generated';
import { useI18n } from '../shared/i18n';
import { ResultError } from '../shared/ui';
import { afterCouponClaimed } from './CouponClaims';

/**
 * A coupon code the shop handed out, typed in to become one of one's coupons. Not a form of its
 * own: it sits inside the checkout's form, so the button claims and Enter does not place the order.
 */
export function CouponCodeClaim() {
  const { t } = useI18n();
  const [code, setCode] = useState('');
  const [claim, claimed] = useMutation(ClaimCouponCodeDocument, {
    refetchQueries: afterCouponClaimed,
  });
  const outcome = claimed.data?.claimCouponCode;
  const submit = async () => {
    if (!code.trim()) return;
    const answer = await claim({ variables: { code } });
    if (answer.data?.claimCouponCode.__typename === 'Coupon') setCode('');
  };
  return (
    <div className="coupon-code">
      <label htmlFor="coupon-code">{t('coupons.code')}</label>
      <input
        id="coupon-code"
        value={code}
        autoCapitalize="characters"
        onChange={(event) => setCode(event.target.value)}
        onKeyDown={(event) => {
          if (event.key !== 'Enter') return;
          event.preventDefault();
          void submit();
        }}
      />
      <button type="button" onClick={() => void submit()} disabled={claimed.loading}>
        {t('coupons.codeClaim')}
      </button>
      {outcome?.__typename === 'Coupon' ? <p role="status">{t('coupons.claimed')}</p> : null}
      {outcome && outcome.__typename !== 'Coupon' ? <ResultError result={outcome} /> : null}
    </div>
  );
}
