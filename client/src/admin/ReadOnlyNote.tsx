import type { StaffDuty } from '@shop/contracts/staff-duties';
import { useI18n } from '../shared/i18n';
import { useMayDo } from './staff-duty';

/** One muted line where a page's editing is missing because the role lacks the duty. */
export function ReadOnlyNote({ duty }: { duty: StaffDuty }) {
  const { t } = useI18n();
  const mayDo = useMayDo();
  if (mayDo(duty)) return null;
  return <p className="muted">{t(`admin.readOnly.${duty}`)}</p>;
}
