import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import {
  CouponTemplatesDocument,
  CreateCouponTemplateDocument,
  type AmountKind,
} from '../../graphql/generated';
import { dateTime, won } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { ErrorNotice, Loading, ResultError } from '../../shared/ui';

export function PromotionsPage() {
  const { t, locale } = useI18n();
  const { data, error } = useQuery(CouponTemplatesDocument);
  const [create, created] = useMutation(CreateCouponTemplateDocument, {
    refetchQueries: ['CouponTemplates'],
  });
  const [form, setForm] = useState({
    name: '',
    kind: 'FIXED' as AmountKind,
    value: 3000,
    days: 30,
    totalLimit: 100,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void create({
      variables: {
        input: {
          name: form.name,
          kind: form.kind,
          value: form.value,
          totalLimit: form.totalLimit,
          validFrom: new Date().toISOString(),
          validUntil: new Date(Date.now() + form.days * 86_400_000).toISOString(),
          claimable: true,
        },
      },
    });
  };
  const result = created.data?.createCouponTemplate;
  return (
    <>
      <h1>{t('admin.promotions')}</h1>
      {error ? <ErrorNotice error={error} /> : null}
      {!data ? (
        <Loading />
      ) : (
        <table>
          <thead>
            <tr>
              <th>{t('admin.couponName')}</th>
              <th className="num">{t('admin.couponValue')}</th>
              <th className="num">{t('admin.issued')}</th>
              <th>{t('admin.validUntil')}</th>
            </tr>
          </thead>
          <tbody>
            {data.couponTemplates.map((template) => (
              <tr key={template.id}>
                <td>{template.name}</td>
                <td className="num">
                  {template.kind === 'RATE' ? `${template.value}%` : won(template.value)}
                </td>
                <td className="num">
                  {template.issuedCount} / {template.totalLimit}
                </td>
                <td>{dateTime(template.validUntil, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form onSubmit={submit}>
        <fieldset>
          <legend>{t('admin.newCoupon')}</legend>
          <label htmlFor="coupon-name">{t('admin.couponName')}</label>
          <input
            id="coupon-name"
            required
            value={form.name}
            onChange={(event) => setForm({ ...form, name: event.target.value })}
          />
          <label htmlFor="coupon-kind">{t('admin.couponKind')}</label>
          <select
            id="coupon-kind"
            value={form.kind}
            onChange={(event) => setForm({ ...form, kind: event.target.value as AmountKind })}
          >
            <option value="FIXED">{t('admin.fixed')}</option>
            <option value="RATE">{t('admin.rate')}</option>
          </select>
          <label htmlFor="coupon-value">{t('admin.couponValue')}</label>
          <input
            id="coupon-value"
            type="number"
            min={1}
            value={form.value}
            onChange={(event) => setForm({ ...form, value: Number(event.target.value) })}
          />
          <label htmlFor="coupon-limit">{t('admin.totalLimit')}</label>
          <input
            id="coupon-limit"
            type="number"
            min={1}
            value={form.totalLimit}
            onChange={(event) => setForm({ ...form, totalLimit: Number(event.target.value) })}
          />
          <label htmlFor="coupon-days">{t('admin.validDays')}</label>
          <input
            id="coupon-days"
            type="number"
            min={1}
            value={form.days}
            onChange={(event) => setForm({ ...form, days: Number(event.target.value) })}
          />
          {result && result.__typename !== 'CouponTemplate' ? (
            <ResultError result={result} />
          ) : null}
          <p>
            <button type="submit" className="primary">
              {t('admin.create')}
            </button>
          </p>
        </fieldset>
      </form>
    </>
  );
}
