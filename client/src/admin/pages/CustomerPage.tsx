import { useQuery } from '@apollo/client/react';
import { Link, useParams } from 'react-router';
import { AdminCustomerDocument, type AdminCustomerQuery } from '../../graphql/generated';
import { dateTime, points, won } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { Empty, QueryView } from '../../shared/ui';
import { AdjustPointsForm } from '../customer/AdjustPointsForm';
import { IssueCouponForm } from '../customer/IssueCouponForm';
import { CustomerOrdersTable } from '../customer/CustomerOrdersTable';
import { PointsHistoryTable } from '../customer/PointsHistoryTable';
import { ReadOnlyNote } from '../ReadOnlyNote';
import { useMayDo } from '../staff-duty';

/** One customer as support sees them: profile, orders, addresses, points and their adjustment. */
export function CustomerPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const { data, error } = useQuery(AdminCustomerDocument, { variables: { id } });
  return (
    <>
      <p>
        <Link to="/users">← {t('admin.backToUsers')}</Link>
      </p>
      <QueryView
        result={{ data, error }}
        isEmpty={(found) => !found.user}
        empty={t('admin.customerNotFound')}
      >
        {(found) => <Customer user={found.user!} />}
      </QueryView>
    </>
  );
}

function Customer({ user }: { user: NonNullable<AdminCustomerQuery['user']> }) {
  const { t, locale } = useI18n();
  const mayDo = useMayDo();
  return (
    <>
      <h1>{user.name}</h1>
      <ReadOnlyNote duty="customers" />
      <dl className="summary">
        <dt>{t('admin.customerEmail')}</dt>
        <dd>{user.email}</dd>
        {user.phone ? (
          <>
            <dt>{t('address.phone')}</dt>
            <dd>{user.phone}</dd>
          </>
        ) : null}
        <dt>{t('admin.customerGrade')}</dt>
        <dd>
          <span className="status">{user.grade}</span>
        </dd>
        <dt>{t('admin.customerPoints')}</dt>
        <dd>{points(user.pointsBalance)}</dd>
        <dt>{t('admin.lifetimeSpend')}</dt>
        <dd>{won(user.lifetimeSpend)}</dd>
        <dt>{t('admin.customerSince')}</dt>
        <dd>{dateTime(user.createdAt, locale)}</dd>
      </dl>
      <h2>{t('admin.customerOrders')}</h2>
      <CustomerOrdersTable orders={user.orders} />
      <h2>{t('account.addresses')}</h2>
      {user.addresses.length === 0 ? (
        <Empty>{t('admin.noAddresses')}</Empty>
      ) : (
        <ul>
          {user.addresses.map((address) => (
            <li key={address.id}>
              {address.isDefault ? (
                <span className="status">{t('admin.defaultAddress')}</span>
              ) : null}{' '}
              {address.label} · {address.recipient} · {address.phone} · ({address.postalCode}){' '}
              {address.line1} {address.line2}
            </li>
          ))}
        </ul>
      )}
      <h2>{t('account.pointsHistory')}</h2>
      {mayDo('customers') ? <AdjustPointsForm userId={user.id} /> : null}
      {mayDo('customers') ? <IssueCouponForm userId={user.id} /> : null}
      <PointsHistoryTable entries={user.pointsHistory} />
    </>
  );
}
