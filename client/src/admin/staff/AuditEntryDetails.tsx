import { useI18n } from '../../shared/i18n';
import type { StaffActionsQuery } from '../../graphql/generated';

type Entry = StaffActionsQuery['staffActions'][number];

/** Indented for reading; a text the server did not send as JSON is shown as it came. */
function pretty(json: string): string {
  try {
    return JSON.stringify(JSON.parse(json), null, 2);
  } catch {
    return json;
  }
}

/** What one entry was given, what it replaced and what it answered, folded until asked for. */
export function AuditEntryDetails({ entry }: { entry: Entry }) {
  const { t } = useI18n();
  const parts = [
    ['audit.input', entry.input],
    ['audit.before', entry.before],
    ['audit.after', entry.after],
  ] as const;
  return (
    <details>
      <summary>{t('audit.show')}</summary>
      <dl>
        {parts.map(([label, json]) =>
          json === null ? null : (
            <div key={label}>
              <dt>{t(label)}</dt>
              <dd>
                <pre className="audit-json">{pretty(json)}</pre>
              </dd>
            </div>
          ),
        )}
      </dl>
    </details>
  );
}
