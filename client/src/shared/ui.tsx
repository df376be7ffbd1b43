import type { ErrorLike } from '@apollo/client';
import type { ReactNode } from 'react';
import { useI18n } from './i18n';
import type { MessageKey } from './messages';

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
  const known = code && knownErrorKey(code);
  return (
    <p role="alert" className="error">
      {known ? t(known) : t('common.failed')}
    </p>
  );
}

/**
 * A typed business failure (`ErrorResult`) in the shopper's words, or the server's; bad input
 * lists each field's problem.
 */
export function ResultError({
  result,
}: {
  result: { errorCode: string; message: string; issues?: { field: string; message: string }[] };
}) {
  const { t } = useI18n();
  if (result.issues)
    return (
      <ul role="alert" className="error">
        {result.issues.map((issue) => (
          <li key={`${issue.field}-${issue.message}`}>
            {issue.field}: {issue.message}
          </li>
        ))}
      </ul>
    );
  const known = knownErrorKey(result.errorCode);
  return (
    <p role="alert" className="error">
      {known ? t(known) : result.message}
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

const knownCodes = new Set([
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'RATE_LIMITED',
  'OUT_OF_STOCK',
  'PRODUCT_UNAVAILABLE',
  'COUPON_INVALID',
  'INSUFFICIENT_POINTS',
  'INVALID_CREDENTIALS',
  'EMAIL_TAKEN',
  'TOO_MANY_ATTEMPTS',
  'PAYMENT_FAILED',
  'AMOUNT_MISMATCH',
  'ORDER_NOT_PAYABLE',
  'ORDER_NOT_CANCELLABLE',
  'RETURN_NOT_POSSIBLE',
  'RETURN_OPEN',
  'ORDER_NOT_DELIVERED',
  'INVALID_INPUT',
]);

function knownErrorKey(code: string): MessageKey | undefined {
  return knownCodes.has(code) ? (`error.${code}` as MessageKey) : undefined;
}
