import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { AdminUsersDocument } from '../../graphql/generated';
import { dateTime, points } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { QueryView } from '../../shared/ui';
import { TableScroll } from '../TableScroll';

export function UsersPage() {
  const { t, locale } = useI18n();
  const [query, setQuery] = useState('');
  const { data, error } = useQuery(AdminUsersDocument, { variables: { query: query || null } });
  return (
    <>
      <h1>{t('admin.users')}</h1>
      <label htmlFor="user-query">{t('admin.searchUsers')}</label>
      <input
        id="user-query"
        type="search"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
      />
      <QueryView
        result={{ data, error }}
        isEmpty={(found) => found.users.nodes.length === 0}
        empty={t('admin.noUsers')}
      >
        {(found) => (
          <TableScroll label={t('admin.users')}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('admin.customerName')}</th>
                  <th scope="col">{t('admin.customerEmail')}</th>
                  <th scope="col">{t('admin.customerGrade')}</th>
                  <th scope="col" className="num">
                    {t('admin.customerPoints')}
                  </th>
                  <th scope="col">{t('admin.customerSince')}</th>
                </tr>
              </thead>
              <tbody>
                {found.users.nodes.map((user) => (
                  <tr key={user.id}>
                    <td>
                      <Link to={`/users/${user.id}`}>{user.name}</Link>
                    </td>
                    <td>{user.email}</td>
                    <td>{user.grade}</td>
                    <td className="num">{points(user.pointsBalance)}</td>
                    <td>{dateTime(user.createdAt, locale)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </QueryView>
    </>
  );
}
