import type { StaffRole } from '../../graphql/generated';
import type { MessageKey } from '../../shared/messages';

/** The message of a role as the owner reads it; none: no longer staff. */
export const staffRoleLabel = (role: StaffRole | null): MessageKey =>
  role ? `staffRole.${role}` : 'staffRole.none';
