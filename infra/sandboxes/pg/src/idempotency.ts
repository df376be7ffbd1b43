import { PgError } from './pg-error.js';

/** A JSON answer: its HTTP status and body. */
export interface JsonReply {
  status: number;
  body: unknown;
}

/** The answer to an action: what it returns, or the refusal it throws. */
export function replyOf(act: () => unknown): JsonReply {
  try {
    return { status: 200, body: act() };
  } catch (error) {
    if (!(error instanceof PgError)) throw error;
    return { status: error.status, body: { code: error.code, message: error.message } };
  }
}

/**
 * The first answer to each idempotency key, replayed to any request repeating it, refusals
 * included: a retry never acts twice. Toss Payments scopes a key to the API key, the path and the
 * method; the sandbox has one API key, so its scope is the method and the path. Toss replays the
 * first answer whatever the body; the sandbox refuses a key reused with another body instead, so
 * a client that reuses keys finds out in its tests rather than by reading someone else's answer.
 */
export class IdempotentReplies {
  private readonly replies = new Map<string, { request: string; reply: JsonReply }>();

  answer(scope: string, key: string | undefined, request: unknown, act: () => unknown): JsonReply {
    if (key === undefined) return replyOf(act);
    const id = `${scope} ${key}`;
    const fingerprint = JSON.stringify(request);
    const earlier = this.replies.get(id);
    if (earlier) {
      if (earlier.request !== fingerprint)
        throw new PgError({
          status: 422,
          code: 'IDEMPOTENCY_KEY_REUSED',
          message: '이 멱등키는 다른 요청 본문에 이미 쓰였습니다.',
        });
      return earlier.reply;
    }
    const reply = replyOf(act);
    this.replies.set(id, { request: fingerprint, reply });
    return reply;
  }
}
