import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { AdminUsersDocument } from '../../graphql/generated';
import { dateTime } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { QueryView } from '../../shared/ui';

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
          <table>
            <tbody>
              {found.users.nodes.map((user) => (
                <tr key={user.id}>
                  <td>{user.name}</td>
                  <td>{user.email}</td>
                  <td>{user.grade}</td>
                  <td className="num">{user.pointsBalance}P</td>
                  <td>{dateTime(user.createdAt, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </QueryView>
    </>
  );
}
