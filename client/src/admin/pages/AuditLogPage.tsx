import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { staffRoles, type StaffRole } from '@shop/contracts/staff-duties';
import { StaffActionsDocument, StaffMembersDocument } from '../../graphql/generated';
import { dateTime } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { QueryView } from '../../shared/ui';
import { AuditEntryDetails } from '../staff/AuditEntryDetails';
import { staffRoleLabel } from '../staff/staff-role-label';
import { TableScroll } from '../TableScroll';

const isStaffRole = (role: string): role is StaffRole =>
  (staffRoles as readonly string[]).includes(role);

/** The owner's audit log: who changed what, refusals too, newest first, for one member or all. */
export function AuditLogPage() {
  const { t, locale } = useI18n();
  const [actorId, setActorId] = useState('');
  const members = useQuery(StaffMembersDocument);
  const log = useQuery(StaffActionsDocument, {
    variables: { filter: { actorId: actorId || null, first: 100 } },
    // Entries arrive a moment after the action: a refresh asks the server, not the cache.
    fetchPolicy: 'cache-and-network',
  });
  // The staff roles the actor had then, in the owner's words (every account is a customer too).
  const rolesText = (roles: string) =>
    roles
      .split(',')
      .filter(isStaffRole)
      .map((role) => t(staffRoleLabel(role)))
      .join(', ');
  return (
    <>
      <h1>{t('audit.title')}</h1>
      <p className="muted">{t('audit.hint')}</p>
      <div className="row">
        <label htmlFor="audit-actor">{t('audit.filter')}</label>
        <select
          id="audit-actor"
          value={actorId}
          onChange={(event) => setActorId(event.target.value)}
        >
          <option value="">{t('audit.everyone')}</option>
          {members.data?.staffMembers.map((member) => (
            <option key={member.id} value={member.id}>
              {member.email}
            </option>
          ))}
        </select>
        <button type="button" disabled={log.loading} onClick={() => void log.refetch()}>
          {t('audit.refresh')}
        </button>
      </div>
      <QueryView
        result={log}
        isEmpty={(found) => found.staffActions.length === 0}
        empty={t('audit.none')}
      >
        {({ staffActions }) => (
          <TableScroll label={t('audit.title')}>
            <table>
              <thead>
                <tr>
                  <th>{t('audit.at')}</th>
                  <th>{t('audit.actor')}</th>
                  <th>{t('audit.roles')}</th>
                  <th>{t('audit.service')}</th>
                  <th>{t('audit.action')}</th>
                  <th>{t('audit.subject')}</th>
                  <th>{t('audit.outcome')}</th>
                  <th>{t('audit.details')}</th>
                </tr>
              </thead>
              <tbody>
                {staffActions.map((entry) => (
                  <tr key={entry.id}>
                    <td>{dateTime(entry.at, locale)}</td>
                    <td>{entry.actorEmail ?? t('audit.goneAccount', { id: entry.actorId })}</td>
                    <td>{rolesText(entry.actorRoles)}</td>
                    <td>{entry.service}</td>
                    <td>
                      <code>{entry.action}</code>
                    </td>
                    <td>{entry.subjectId ?? '—'}</td>
                    <td>
                      <span className="status">{entry.outcome}</span>
                    </td>
                    <td>
                      <AuditEntryDetails entry={entry} />
                    </td>
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
