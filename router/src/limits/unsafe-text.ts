import { GraphQLError, visit, type DocumentNode } from 'graphql';

/** With the u flag a surrogate pair is one code point; only a lone half is category Cs. */
const unpairedSurrogate = /\p{Cs}/u;

/**
 * Text no shop field can hold: NUL (databases and drivers truncate or refuse it) and unpaired
 * surrogates (not encodable as UTF-8). Refused at the edge with a 400, so no subgraph meets it.
 */
export function isUnsafeText(text: string): boolean {
  return text.includes('\u0000') || unpairedSurrogate.test(text);
}

/** True if any string or key in `value` is unsafe; walked without recursion. */
export function holdsUnsafeText(value: unknown): boolean {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const item = pending.pop();
    if (typeof item === 'string') {
      if (isUnsafeText(item)) return true;
    } else if (typeof item === 'object' && item !== null) {
      if (!Array.isArray(item) && Object.keys(item).some(isUnsafeText)) return true;
      pending.push(...(Array.isArray(item) ? item : Object.values(item)));
    }
  }
  return false;
}

export const unsafeTextCode = 'UNSAFE_TEXT';

/** Documents found safe: Apollo hands the same parsed document to every request of one query. */
const safeDocuments = new WeakSet<DocumentNode>();

/** The document's string literals, checked as the variables are. */
export function checkDocumentText(document: DocumentNode): void {
  if (safeDocuments.has(document)) return;
  visit(document, {
    StringValue(node) {
      if (isUnsafeText(node.value))
        throw new GraphQLError(
          'A string in the query holds a NUL character or an unpaired surrogate.',
          { nodes: [node], extensions: { code: unsafeTextCode, http: { status: 400 } } },
        );
    },
  });
  safeDocuments.add(document);
}
