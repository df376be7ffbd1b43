import { useQuery } from '@apollo/client/react';
import { StaffMembersDocument } from '../../graphql/generated';
import { useI18n } from '../../shared/i18n';
import { QueryView } from '../../shared/ui';
import { staffRoleLabel } from '../staff/staff-role-label';
import { StaffRoleForm } from '../staff/StaffRoleForm';
import { TableScroll } from '../TableScroll';

/** The owner's staff: who has which role, and giving or taking one. */
export function StaffPage() {
  const { t } = useI18n();
  const members = useQuery(StaffMembersDocument);
  return (
    <>
      <h1>{t('admin.staff')}</h1>
      <QueryView
        result={members}
        isEmpty={(found) => found.staffMembers.length === 0}
        empty={t('staff.noMembers')}
      >
        {({ staffMembers }) => (
          <TableScroll label={t('staff.members')}>
            <table>
              <thead>
                <tr>
                  <th>{t('staff.email')}</th>
                  <th>{t('staff.role')}</th>
                </tr>
              </thead>
              <tbody>
                {staffMembers.map((member) => (
                  <tr key={member.id}>
                    <td>{member.email}</td>
                    <td>{t(staffRoleLabel(member.role))}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </QueryView>
      <StaffRoleForm />
    </>
  );
}
