import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { CouponTemplatesDocument, IssueCouponDocument } from '../../graphql/generated';
import { useI18n } from '../../shared/i18n';
import { ErrorNotice, ResultError } from '../../shared/ui';

/** Gives the customer one of the shop's coupons still valid, whether it is offered or not. */
export function IssueCouponForm({ userId }: { userId: string }) {
  const { t } = useI18n();
  const templates = useQuery(CouponTemplatesDocument);
  const [templateId, setTemplateId] = useState('');
  const [issue, issued] = useMutation(IssueCouponDocument);
  const result = issued.data?.issueCoupon;
  const now = Date.now();
  const valid = (templates.data?.couponTemplates ?? []).filter(
    (template) => new Date(template.validUntil).getTime() > now,
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void issue({ variables: { templateId, userId } });
  };
  return (
    <form onSubmit={submit}>
      <fieldset>
        <legend>{t('admin.issueCoupon')}</legend>
        <label htmlFor="issue-coupon">{t('admin.couponName')}</label>
        <select
          id="issue-coupon"
          required
          value={templateId}
          onChange={(event) => setTemplateId(event.target.value)}
        >
          <option value="">{t('admin.chooseCoupon')}</option>
          {valid.map((template) => (
            <option key={template.id} value={template.id}>
              {template.name}
            </option>
          ))}
        </select>
        {issued.error ? <ErrorNotice error={issued.error} /> : null}
        {result && result.__typename !== 'Coupon' ? <ResultError result={result} /> : null}
        {result?.__typename === 'Coupon' ? <p role="status">{t('admin.couponIssued')}</p> : null}
        <p>
          <button type="submit" className="primary" disabled={issued.loading || !templateId}>
            {t('admin.issueCouponSubmit')}
          </button>
        </p>
      </fieldset>
    </form>
  );
}
