import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { staffRoles } from '@shop/contracts/staff-duties';
import { SetStaffRoleDocument, type StaffRole } from '../../graphql/generated';
import { useI18n } from '../../shared/i18n';
import { ErrorNotice, ResultError } from '../../shared/ui';
import { staffRoleLabel } from './staff-role-label';

/** Gives a signed-up account a staff role by its email, or takes the role away (직원 아님). */
export function StaffRoleForm() {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  // '' stands for no role: a select's value is a string.
  const [role, setRole] = useState<StaffRole | ''>('OPERATOR');
  const [save, saved] = useMutation(SetStaffRoleDocument, { refetchQueries: ['StaffMembers'] });
  const result = saved.data?.setStaffRole;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save({ variables: { input: { email: email.trim(), role: role || null } } }).catch(
      () => undefined,
    );
  };
  return (
    <form onSubmit={submit}>
      <fieldset>
        <legend>{t('staff.setRole')}</legend>
        <p className="muted">{t('staff.hint')}</p>
        <label htmlFor="staff-email">{t('staff.email')}</label>
        <input
          id="staff-email"
          type="email"
          required
          autoComplete="off"
          value={email}
          onChange={(event) => setEmail(event.target.value)}
        />
        <label htmlFor="staff-role">{t('staff.role')}</label>
        <select
          id="staff-role"
          value={role}
          onChange={(event) => setRole(event.target.value as StaffRole | '')}
        >
          {staffRoles.map((option) => (
            <option key={option} value={option}>
              {t(staffRoleLabel(option))}
            </option>
          ))}
          <option value="">{t(staffRoleLabel(null))}</option>
        </select>
        {saved.error ? <ErrorNotice error={saved.error} /> : null}
        {result && result.__typename !== 'StaffMember' ? <ResultError result={result} /> : null}
        {result?.__typename === 'StaffMember' ? (
          <p role="status">
            {t('staff.saved', { email: result.email, role: t(staffRoleLabel(result.role)) })}
          </p>
        ) : null}
        <p>
          <button type="submit" className="primary" disabled={saved.loading}>
            {t('staff.save')}
          </button>
        </p>
      </fieldset>
    </form>
  );
}
