import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Navigate } from 'react-router';
import {
  AddAddressDocument,
  MyAccountDocument,
  RemoveAddressDocument,
  type ShippingAddressInput,
} from '../../graphql/generated';
import { dateTime, won } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { useSession } from '../../shared/session';
import { Empty, ErrorNotice, Loading, ResultError } from '../../shared/ui';
import { AddressFields, emptyAddress } from '../AddressFields';
import { CouponClaims } from '../CouponClaims';
import { usePageMeta } from '../page-meta';
import { useShopText } from '../shop-texts';

export function AccountPage() {
  const { t } = useI18n();
  const text = useShopText();
  const signedIn = useSession();
  usePageMeta(t('nav.account'), text('meta.account'));
  if (!signedIn) return <Navigate to="/login?next=/account" replace />;
  return <Account />;
}

function Account() {
  const { t, locale } = useI18n();
  const { data, error } = useQuery(MyAccountDocument);
  const [address, setAddress] = useState<ShippingAddressInput>(emptyAddress);
  const [label, setLabel] = useState('');
  const refetchQueries = ['MyAccount'];
  const [addAddress, adding] = useMutation(AddAddressDocument, { refetchQueries });
  const [removeAddress] = useMutation(RemoveAddressDocument, { refetchQueries });
  if (error) return <ErrorNotice error={error} />;
  const me = data?.me;
  if (!me) return <Loading />;
  const add = (event: FormEvent) => {
    event.preventDefault();
    void addAddress({ variables: { input: { ...address, label } } });
  };
  const added = adding.data?.addAddress;
  return (
    <>
      <h1>{t('account.title', { name: me.name })}</h1>
      <p>
        {me.email} · {t('account.grade')} <span className="status">{me.grade}</span> ·{' '}
        {t('account.points')} <strong>{won(me.pointsBalance).replace('원', 'P')}</strong>
      </p>
      <h2>{t('account.pointsHistory')}</h2>
      {me.pointsHistory.length === 0 ? (
        <Empty>{t('account.noPoints')}</Empty>
      ) : (
        <table>
          <tbody>
            {me.pointsHistory.map((entry) => (
              <tr key={`${entry.createdAt}-${entry.delta}-${entry.balanceAfter}`}>
                <td>{dateTime(entry.createdAt, locale)}</td>
                <td>{t(`pointsReason.${entry.reason}`)}</td>
                <td className="num">{entry.delta > 0 ? `+${entry.delta}` : entry.delta}</td>
                <td className="num">{entry.balanceAfter}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>{t('account.coupons')}</h2>
      {me.coupons.length === 0 ? <Empty>{t('account.noCoupons')}</Empty> : null}
      <ul>
        {me.coupons.map((coupon) => (
          <li key={coupon.id}>
            {coupon.template.name} ·{' '}
            <span className="status">{t(`couponStatus.${coupon.status}`)}</span> ·{' '}
            {t('account.until', { date: dateTime(coupon.template.validUntil, locale) })}
          </li>
        ))}
      </ul>
      <CouponClaims />
      <h2>{t('account.addresses')}</h2>
      <ul>
        {me.addresses.map((saved) => (
          <li key={saved.id} className="row">
            <span>
              {saved.label} · {saved.recipient} · {saved.line1} {saved.line2}
            </span>
            <button
              type="button"
              onClick={() => void removeAddress({ variables: { id: saved.id } })}
            >
              {t('account.removeAddress')}
            </button>
          </li>
        ))}
      </ul>
      <form onSubmit={add} className="form">
        <fieldset>
          <legend>{t('account.addAddress')}</legend>
          <label htmlFor="address-label">{t('address.label')}</label>
          <input
            id="address-label"
            required
            value={label}
            onChange={(event) => setLabel(event.target.value)}
          />
          <AddressFields value={address} onChange={setAddress} />
          {added && added.__typename !== 'Address' ? <ResultError result={added} /> : null}
          <button type="submit">{t('account.save')}</button>
        </fieldset>
      </form>
    </>
  );
}
