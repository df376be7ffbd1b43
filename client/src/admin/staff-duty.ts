import { mayDo, type StaffDuty } from '@shop/contracts/staff-duties';
import { useSession } from '../shared/session';

/**
 * Whether the signed-in member of staff may do a duty, from the session's roles. Only to hide
 * controls the subgraphs would refuse anyway: they decide, this only spares a useless click.
 */
export function useMayDo(): (duty: StaffDuty) => boolean {
  const roles = useSession()?.roles ?? [];
  return (duty) => mayDo(roles, duty);
}
