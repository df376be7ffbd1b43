import { readFileSync } from 'node:fs';
import type { HTTPGraphQLRequest } from '@apollo/server';
import { operationIdOf, operationManifestSchema } from '@shop/contracts/operation-manifest';
import { refusePersisted, requestedOperation, withDocument } from './persisted-request.js';

/**
 * The first-party clients' operations (storefront, admin), from the manifests their builds write.
 * A persisted id is looked up here; when enforced (production), a client may run nothing else —
 * a full query is accepted only if it is, byte for byte, one of them.
 */
export class OperationSafelist {
  private readonly operations = new Map<string, { body: string; name: string }>();

  constructor(
    manifests: unknown[],
    private readonly enforced: boolean,
  ) {
    for (const [index, manifest] of manifests.entries()) {
      const parsed = operationManifestSchema.safeParse(manifest);
      if (!parsed.success)
        throw new Error(`operation manifest ${index + 1}: ${parsed.error.issues[0]?.message}`);
      for (const operation of parsed.data.operations)
        this.operations.set(operation.id, { body: operation.body, name: operation.name });
    }
  }

  static fromFiles(paths: string[], enforced: boolean): OperationSafelist {
    return new OperationSafelist(
      paths.map((path) => JSON.parse(readFileSync(path, 'utf8')) as unknown),
      enforced,
    );
  }

  get size(): number {
    return this.operations.size;
  }

  /** The request to run, or a refusal; free-form queries pass unless the safelist is enforced. */
  resolve(request: HTTPGraphQLRequest): HTTPGraphQLRequest {
    const wanted = requestedOperation(request);
    if (wanted.kind === 'persisted') {
      const operation = this.operations.get(wanted.id);
      if (!operation)
        throw refusePersisted(
          'PERSISTED_QUERY_NOT_FOUND',
          `No operation with id ${wanted.id.slice(0, 16)}… is known: rebuild the client or send the query.`,
        );
      return withDocument(request, operation.body);
    }
    if (
      wanted.kind === 'document' &&
      this.enforced &&
      !this.operations.has(operationIdOf(wanted.query))
    )
      throw refusePersisted(
        'OPERATION_NOT_SAFELISTED',
        'Only the operations of the shop’s own clients run here: send a persisted operation id.',
      );
    return request;
  }
}
