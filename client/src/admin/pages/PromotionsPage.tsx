import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import {
  AdminProductsDocument,
  AdminTaxonomyDocument,
  CouponTemplatesDocument,
  CreateCouponTemplateDocument,
  CreateDiscountDocument,
  DiscountsDocument,
  EndDiscountDocument,
  UpdateDiscountDocument,
  type AdminDiscountFragment,
  type AmountKind,
  type DiscountTarget,
} from '../../graphql/generated';
import { ConfirmDialog } from '../../shared/ConfirmDialog';
import { dateTime, won } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { NumberField } from '../../shared/NumberField';
import { ErrorNotice, Loading, QueryView, ResultError } from '../../shared/ui';
import { CategoryOptions } from '../CategoryOptions';
import { ReadOnlyNote } from '../ReadOnlyNote';
import { useMayDo } from '../staff-duty';
import { TableScroll } from '../TableScroll';

const amountOf = (kind: AmountKind, value: number) => (kind === 'RATE' ? `${value}%` : won(value));

export function PromotionsPage() {
  const { t, locale } = useI18n();
  const { data, error } = useQuery(CouponTemplatesDocument);
  const mayDo = useMayDo();
  return (
    <>
      <h1>{t('admin.promotions')}</h1>
      <ReadOnlyNote duty="promotions" />
      <h2>{t('admin.coupons')}</h2>
      {error ? <ErrorNotice error={error} /> : null}
      {!data ? (
        <Loading />
      ) : (
        <TableScroll label={t('admin.coupons')}>
          <table>
            <thead>
              <tr>
                <th>{t('admin.couponName')}</th>
                <th className="num">{t('admin.couponValue')}</th>
                <th className="num">{t('admin.minOrderAmount')}</th>
                <th className="num">{t('admin.issued')}</th>
                <th className="num">{t('admin.perCustomerLimit')}</th>
                <th>{t('admin.validUntil')}</th>
                <th>{t('admin.couponCode')}</th>
              </tr>
            </thead>
            <tbody>
              {data.couponTemplates.map((template) => (
                <tr key={template.id}>
                  <td>{template.name}</td>
                  <td className="num">
                    {amountOf(template.kind, template.value)}
                    {template.maxDiscount !== null ? ` (≤ ${won(template.maxDiscount)})` : ''}
                  </td>
                  <td className="num">{won(template.minOrderAmount)}</td>
                  <td className="num">
                    {template.issuedCount} / {template.totalLimit}
                  </td>
                  <td className="num">{template.perCustomerLimit}</td>
                  <td>{dateTime(template.validUntil, locale)}</td>
                  <td>{template.code ?? (template.claimable ? t('admin.couponOffered') : '—')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {mayDo('promotions') ? <NewCouponForm /> : null}
      <h2>{t('admin.discounts')}</h2>
      <p className="muted">{t('admin.discountsHint')}</p>
      <DiscountList />
      {mayDo('promotions') ? <DiscountForm /> : null}
    </>
  );
}

/**
 * A coupon template: its amount, limits and how long it stays valid; offered to every customer
 * to claim, or not, and with a code to hand out, or not.
 */
function NewCouponForm() {
  const { t } = useI18n();
  const [create, created] = useMutation(CreateCouponTemplateDocument, {
    refetchQueries: ['CouponTemplates'],
  });
  const [form, setForm] = useState({
    name: '',
    kind: 'FIXED' as AmountKind,
    value: 3000,
    days: 30,
    totalLimit: 100,
    perCustomerLimit: 1,
    minOrderAmount: 0,
    maxDiscount: 0,
    claimable: true,
    code: '',
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
          perCustomerLimit: form.perCustomerLimit,
          minOrderAmount: form.minOrderAmount,
          maxDiscount: form.kind === 'RATE' && form.maxDiscount > 0 ? form.maxDiscount : null,
          validFrom: new Date().toISOString(),
          validUntil: new Date(Date.now() + form.days * 86_400_000).toISOString(),
          claimable: form.claimable,
          code: form.code.trim() || null,
        },
      },
    });
  };
  const result = created.data?.createCouponTemplate;
  return (
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
        <NumberField
          id="coupon-value"
          label={t('admin.couponValue')}
          min={1}
          value={form.value}
          onChange={(value) => setForm({ ...form, value })}
        />
        <NumberField
          id="coupon-limit"
          label={t('admin.totalLimit')}
          min={1}
          value={form.totalLimit}
          onChange={(value) => setForm({ ...form, totalLimit: value })}
        />
        <NumberField
          id="coupon-per-customer"
          label={t('admin.perCustomerLimit')}
          min={1}
          max={100}
          value={form.perCustomerLimit}
          onChange={(value) => setForm({ ...form, perCustomerLimit: value })}
        />
        <NumberField
          id="coupon-min-order"
          label={t('admin.minOrderAmount')}
          min={0}
          value={form.minOrderAmount}
          onChange={(value) => setForm({ ...form, minOrderAmount: value })}
        />
        {form.kind === 'RATE' ? (
          <NumberField
            id="coupon-max-discount"
            label={t('admin.maxDiscount')}
            min={0}
            value={form.maxDiscount}
            onChange={(value) => setForm({ ...form, maxDiscount: value })}
          />
        ) : null}
        <NumberField
          id="coupon-days"
          label={t('admin.validDays')}
          min={1}
          value={form.days}
          onChange={(value) => setForm({ ...form, days: value })}
        />
        <label htmlFor="coupon-code">{t('admin.couponCode')}</label>
        <input
          id="coupon-code"
          value={form.code}
          autoCapitalize="characters"
          aria-describedby="coupon-code-hint"
          onChange={(event) => setForm({ ...form, code: event.target.value })}
        />
        <p id="coupon-code-hint" className="muted">
          {t('admin.couponCodeHint')}
        </p>
        <label>
          <input
            type="checkbox"
            checked={form.claimable}
            onChange={(event) => setForm({ ...form, claimable: event.target.checked })}
          />
          {t('admin.couponClaimable')}
        </label>
        {result && result.__typename !== 'CouponTemplate' ? <ResultError result={result} /> : null}
        <p>
          <button type="submit" className="primary">
            {t('admin.create')}
          </button>
        </p>
      </fieldset>
    </form>
  );
}

/** `2026-12-04T20:30` in the browser's time zone, for a `datetime-local` field. */
function localInput(iso: string): string {
  const date = new Date(iso);
  return new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

/**
 * Every discount, newest first: running and scheduled ones can be edited (name, amount, period)
 * or ended now; quotes and product pages follow at once.
 */
function DiscountList() {
  const { t, locale } = useI18n();
  const mayEdit = useMayDo()('promotions');
  const list = useQuery(DiscountsDocument);
  const [editing, setEditing] = useState<AdminDiscountFragment | null>(null);
  const [ending, setEnding] = useState<AdminDiscountFragment | null>(null);
  const [end, ended] = useMutation(EndDiscountDocument);
  const endResult = ended.data?.endDiscount;
  return (
    <>
      <QueryView
        result={list}
        isEmpty={(found) => found.discounts.length === 0}
        empty={t('admin.noDiscounts')}
      >
        {({ discounts }) => (
          <TableScroll label={t('admin.discountList')}>
            <table>
              <thead>
                <tr>
                  <th>{t('admin.discountName')}</th>
                  <th>{t('admin.discountTarget')}</th>
                  <th className="num">{t('admin.couponValue')}</th>
                  <th>{t('admin.discountPeriod')}</th>
                  <th>{t('admin.discountStatus')}</th>
                  {mayEdit ? <th>{t('admin.actions')}</th> : null}
                </tr>
              </thead>
              <tbody>
                {discounts.map((discount) => (
                  <tr key={discount.id}>
                    <td>{discount.name}</td>
                    <td>{t(`discountTarget.${discount.target}`)}</td>
                    <td className="num">{amountOf(discount.kind, discount.value)}</td>
                    <td>
                      {dateTime(discount.startsAt, locale)} – {dateTime(discount.endsAt, locale)}
                    </td>
                    <td>{t(`discountStatus.${discount.status}`)}</td>
                    {mayEdit ? (
                      <td>
                        {discount.status === 'ENDED' ? null : (
                          <div className="row">
                            <button
                              type="button"
                              aria-label={t('admin.editDiscountOf', { name: discount.name })}
                              onClick={() => setEditing(discount)}
                            >
                              {t('admin.editDiscount')}
                            </button>
                            <button
                              type="button"
                              className="danger"
                              aria-label={t('admin.endDiscountOf', { name: discount.name })}
                              onClick={() => setEnding(discount)}
                            >
                              {t('admin.endDiscountConfirm')}
                            </button>
                          </div>
                        )}
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </QueryView>
      {ended.error ? <ErrorNotice error={ended.error} /> : null}
      {endResult && endResult.__typename !== 'Discount' ? <ResultError result={endResult} /> : null}
      {endResult?.__typename === 'Discount' ? (
        <p role="status">{t('admin.discountEnded', { name: endResult.name })}</p>
      ) : null}
      {editing ? (
        <DiscountEditForm key={editing.id} discount={editing} onDone={() => setEditing(null)} />
      ) : null}
      <ConfirmDialog
        open={ending !== null}
        title={t('admin.endDiscountTitle', { name: ending?.name ?? '' })}
        confirmLabel={t('admin.endDiscountConfirm')}
        dismissLabel={t('admin.keepDiscount')}
        onDismiss={() => setEnding(null)}
        onConfirm={() => {
          if (ending) void end({ variables: { id: ending.id } }).catch(() => undefined);
          if (editing?.id === ending?.id) setEditing(null);
          setEnding(null);
        }}
      >
        <p>{t('admin.endDiscountBody')}</p>
      </ConfirmDialog>
    </>
  );
}

function DiscountEditForm({
  discount,
  onDone,
}: {
  discount: AdminDiscountFragment;
  onDone: () => void;
}) {
  const { t, locale } = useI18n();
  const [form, setForm] = useState({
    name: discount.name,
    kind: discount.kind,
    value: discount.value,
    startsAt: localInput(discount.startsAt),
    endsAt: localInput(discount.endsAt),
  });
  const [update, updated] = useMutation(UpdateDiscountDocument);
  const result = updated.data?.updateDiscount;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void update({
      variables: {
        id: discount.id,
        input: {
          name: form.name,
          kind: form.kind,
          value: form.value,
          startsAt: new Date(form.startsAt).toISOString(),
          endsAt: new Date(form.endsAt).toISOString(),
        },
      },
    }).catch(() => undefined);
  };
  return (
    <form onSubmit={submit}>
      <fieldset>
        <legend>{t('admin.editDiscountTitle', { name: discount.name })}</legend>
        <label htmlFor="edit-discount-name">{t('admin.discountName')}</label>
        <input
          id="edit-discount-name"
          required
          maxLength={100}
          value={form.name}
          onChange={(event) => setForm({ ...form, name: event.target.value })}
        />
        <label htmlFor="edit-discount-kind">{t('admin.couponKind')}</label>
        <select
          id="edit-discount-kind"
          value={form.kind}
          onChange={(event) => setForm({ ...form, kind: event.target.value as AmountKind })}
        >
          <option value="RATE">{t('admin.rate')}</option>
          <option value="FIXED">{t('admin.fixed')}</option>
        </select>
        <NumberField
          id="edit-discount-value"
          label={t('admin.couponValue')}
          min={1}
          max={form.kind === 'RATE' ? 90 : undefined}
          value={form.value}
          onChange={(value) => setForm({ ...form, value })}
        />
        <label htmlFor="edit-discount-starts">{t('admin.discountStartsAt')}</label>
        <input
          id="edit-discount-starts"
          type="datetime-local"
          required
          value={form.startsAt}
          onChange={(event) => setForm({ ...form, startsAt: event.target.value })}
        />
        <label htmlFor="edit-discount-ends">{t('admin.discountEndsAt')}</label>
        <input
          id="edit-discount-ends"
          type="datetime-local"
          required
          value={form.endsAt}
          onChange={(event) => setForm({ ...form, endsAt: event.target.value })}
        />
        {updated.error ? <ErrorNotice error={updated.error} /> : null}
        {result && result.__typename !== 'Discount' ? <ResultError result={result} /> : null}
        {result?.__typename === 'Discount' ? (
          <p role="status">
            {t('admin.discountUpdated', {
              name: result.name,
              value: amountOf(result.kind, result.value),
              until: dateTime(result.endsAt, locale),
            })}
          </p>
        ) : null}
        <p className="row">
          <button type="submit" className="primary" disabled={updated.loading}>
            {t('admin.saveDiscount')}
          </button>
          <button type="button" onClick={onDone}>
            {t('admin.cancelEdit')}
          </button>
        </p>
      </fieldset>
    </form>
  );
}

/** A price cut on one product or one category, from now for a number of days. */
function DiscountForm() {
  const { t, locale } = useI18n();
  const [form, setForm] = useState({
    name: '',
    target: 'PRODUCT' as DiscountTarget,
    productQuery: '',
    productId: '',
    categoryId: '',
    kind: 'RATE' as AmountKind,
    value: 10,
    days: 7,
  });
  const products = useQuery(AdminProductsDocument, {
    variables: { query: form.productQuery || null },
    skip: form.target !== 'PRODUCT',
  });
  const taxonomy = useQuery(AdminTaxonomyDocument, { skip: form.target !== 'CATEGORY' });
  const [create, created] = useMutation(CreateDiscountDocument, {
    refetchQueries: ['Discounts'],
  });
  // What the last discount was given to, by name: the result only has its id.
  const [targetName, setTargetName] = useState('');
  const result = created.data?.createDiscount;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const select = event.currentTarget.elements.namedItem('discount-target-id');
    setTargetName(
      select instanceof HTMLSelectElement ? (select.selectedOptions[0]?.textContent ?? '') : '',
    );
    const startsAt = new Date();
    void create({
      variables: {
        input: {
          name: form.name,
          target: form.target,
          targetId: form.target === 'PRODUCT' ? form.productId : form.categoryId,
          kind: form.kind,
          value: form.value,
          startsAt: startsAt.toISOString(),
          endsAt: new Date(startsAt.getTime() + form.days * 86_400_000).toISOString(),
        },
      },
    }).catch(() => undefined);
  };
  return (
    <form onSubmit={submit}>
      <fieldset>
        <legend>{t('admin.newDiscount')}</legend>
        <label htmlFor="discount-name">{t('admin.discountName')}</label>
        <input
          id="discount-name"
          required
          maxLength={100}
          value={form.name}
          onChange={(event) => setForm({ ...form, name: event.target.value })}
        />
        <label htmlFor="discount-target">{t('admin.discountTarget')}</label>
        <select
          id="discount-target"
          value={form.target}
          onChange={(event) => setForm({ ...form, target: event.target.value as DiscountTarget })}
        >
          <option value="PRODUCT">{t('discountTarget.PRODUCT')}</option>
          <option value="CATEGORY">{t('discountTarget.CATEGORY')}</option>
        </select>
        {form.target === 'PRODUCT' ? (
          <>
            <label htmlFor="discount-product-query">{t('admin.findProduct')}</label>
            <input
              id="discount-product-query"
              type="search"
              value={form.productQuery}
              onChange={(event) =>
                setForm({ ...form, productQuery: event.target.value, productId: '' })
              }
            />
            <QueryView
              result={products}
              isEmpty={(found) => found.adminProducts.nodes.length === 0}
              empty={t('admin.noProductFound')}
            >
              {(found) => (
                <>
                  <label htmlFor="discount-target-id">{t('admin.targetProduct')}</label>
                  <select
                    id="discount-target-id"
                    name="discount-target-id"
                    required
                    value={form.productId}
                    onChange={(event) => setForm({ ...form, productId: event.target.value })}
                  >
                    <option value="">{t('admin.chooseProduct')}</option>
                    {found.adminProducts.nodes.map((product) => (
                      <option key={product.id} value={product.id}>
                        {product.name}
                      </option>
                    ))}
                  </select>
                </>
              )}
            </QueryView>
          </>
        ) : (
          <QueryView result={taxonomy}>
            {({ categories }) => (
              <>
                <label htmlFor="discount-target-id">{t('admin.targetCategory')}</label>
                <select
                  id="discount-target-id"
                  name="discount-target-id"
                  required
                  value={form.categoryId}
                  onChange={(event) => setForm({ ...form, categoryId: event.target.value })}
                >
                  <option value="">{t('admin.chooseCategory')}</option>
                  <CategoryOptions categories={categories} />
                </select>
              </>
            )}
          </QueryView>
        )}
        <label htmlFor="discount-kind">{t('admin.couponKind')}</label>
        <select
          id="discount-kind"
          value={form.kind}
          onChange={(event) => setForm({ ...form, kind: event.target.value as AmountKind })}
        >
          <option value="RATE">{t('admin.rate')}</option>
          <option value="FIXED">{t('admin.fixed')}</option>
        </select>
        <NumberField
          id="discount-value"
          label={t('admin.couponValue')}
          min={1}
          max={form.kind === 'RATE' ? 90 : undefined}
          value={form.value}
          onChange={(value) => setForm({ ...form, value })}
        />
        <NumberField
          id="discount-days"
          label={t('admin.validDays')}
          min={1}
          value={form.days}
          onChange={(value) => setForm({ ...form, days: value })}
        />
        {created.error ? <ErrorNotice error={created.error} /> : null}
        {result && result.__typename !== 'Discount' ? <ResultError result={result} /> : null}
        {result?.__typename === 'Discount' ? (
          <p role="status">
            {t('admin.discountCreated', {
              name: result.name,
              target: targetName,
              value: amountOf(result.kind, result.value),
              until: dateTime(result.endsAt, locale),
            })}
          </p>
        ) : null}
        <p>
          <button type="submit" className="primary" disabled={created.loading}>
            {t('admin.create')}
          </button>
        </p>
      </fieldset>
    </form>
  );
}
