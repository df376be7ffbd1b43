import type { ErrorLike } from '@apollo/client';
import type { ReactNode } from 'react';
import type { ErrorCode } from '../graphql/generated';
import { errorMessage } from './error-messages';
import { useI18n } from './i18n';
import { isMessageKey, type MessageKey } from './messages';

export function Loading() {
  const { t } = useI18n();
  return (
    <p role="status" className="muted">
      {t('common.loading')}
    </p>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="empty">{children}</p>;
}

/** A request that failed outright (network, permission): says so and what to do. */
export function ErrorNotice({ error }: { error: ErrorLike | string }) {
  const { t } = useI18n();
  const code = typeof error === 'string' ? undefined : codeOf(error);
  const known = code && requestErrorKey(code);
  return (
    <p role="alert" className="error">
      {known ? t(known) : t('common.failed')}
    </p>
  );
}

/**
 * A typed business failure (`ErrorResult`) in the shopper's words (the server's for a code this
 * build does not know yet); bad input says what to fix in each field.
 */
export function ResultError({
  result,
}: {
  result: { errorCode: ErrorCode; message: string; issues?: { field: string; message: string }[] };
}) {
  const { locale, t } = useI18n();
  if (result.issues) {
    // Several issues of one field (too short and malformed) say the same to the shopper.
    const lines = new Set(
      result.issues.map((issue) => {
        const key = fieldIssueKey(issue.field);
        return key ? t(key) : `${issue.field}: ${issue.message}`;
      }),
    );
    // The alert wraps the list: a role on the <ul> itself would unmake it as a list.
    return (
      <div role="alert" className="error">
        <ul>
          {[...lines].map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </div>
    );
  }
  return (
    <p role="alert" className="error">
      {errorMessage(result.errorCode, locale) ?? result.message}
    </p>
  );
}

/** A query's states in one place: its error, loading, empty, or the data. */
export function QueryView<Data>(props: {
  result: { data?: Data; error?: ErrorLike };
  isEmpty?: (data: Data) => boolean;
  empty?: ReactNode;
  children: (data: Data) => ReactNode;
}) {
  const { data, error } = props.result;
  if (error) return <ErrorNotice error={error} />;
  if (!data) return <Loading />;
  if (props.isEmpty?.(data)) return <Empty>{props.empty}</Empty>;
  return <>{props.children(data)}</>;
}

function codeOf(error: ErrorLike): string | undefined {
  const errors = (error as { errors?: { extensions?: { code?: unknown } }[] }).errors;
  const code = errors?.[0]?.extensions?.code;
  return typeof code === 'string' ? code : undefined;
}

/** A failed request's `extensions.code` (not an `ErrorResult`'s) that the shopper can act on. */
function requestErrorKey(code: string): MessageKey | undefined {
  const key = `error.${code}`;
  return isMessageKey(key) ? key : undefined;
}

/**
 * What to fix in a field the shopper fills in, by the last name in the issue's path
 * (`shippingAddress.phone`, `lines.0.quantity`); other fields keep the server's words.
 */
function fieldIssueKey(field: string): MessageKey | undefined {
  const name = field
    .split('.')
    .filter((part) => !/^\d+$/.test(part))
    .at(-1);
  const key = `invalid.${name}`;
  return isMessageKey(key) ? key : undefined;
}
