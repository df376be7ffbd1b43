import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { InvalidInput, type SubgraphContext } from '@shop/kit/server';
import { PartnerKey } from '../domain/partner-key.entity.js';
import { PartnerOperation } from '../domain/partner-operation.entity.js';
import { Partner } from '../domain/partner.entity.js';
import type { Partners } from '../services/partners.js';
import {
  CreatePartnerResult,
  IssuePartnerKeyResult,
  RegisterPartnerManifestResult,
} from './partner-results.js';
import {
  CreatePartnerInput,
  IssuePartnerKeyInput,
  PartnerKeyType,
  PartnerNameTaken,
  PartnerNotFound,
  PartnerOperationType,
  PartnerType,
} from './partner.type.js';

const keyView = (key: PartnerKey): PartnerKeyType => ({
  id: key.id,
  label: key.label,
  prefix: key.keyPrefix,
  scopes: key.scopes,
  createdAt: key.createdAt,
  revokedAt: key.revokedAt ?? null,
});

@Resolver(() => PartnerType)
export class PartnerResolver {
  constructor(private readonly registry: Partners) {}

  @Query(() => [PartnerType], { description: 'Admin: every partner, by name.' })
  partners(@Ctx() context: SubgraphContext) {
    return context.em.find(Partner, {}, { orderBy: { name: 'asc' } });
  }

  @FieldResolver(() => [PartnerKeyType], { description: 'Newest first, revoked ones included.' })
  async keys(@Root() partner: Partner, @Ctx() context: SubgraphContext) {
    const keys = await context.em.find(
      PartnerKey,
      { partnerId: partner.id },
      { orderBy: { createdAt: 'desc', id: 'asc' } },
    );
    return keys.map(keyView);
  }

  @FieldResolver(() => [PartnerOperationType], { description: 'The registered manifest.' })
  async operations(@Root() partner: Partner, @Ctx() context: SubgraphContext) {
    const operations = await context.em.find(
      PartnerOperation,
      { partnerId: partner.id },
      { orderBy: { name: 'asc' } },
    );
    return operations.map((operation) => ({
      id: operation.operationId,
      name: operation.name,
      rootFields: operation.rootFields,
    }));
  }

  @Mutation(() => CreatePartnerResult, { description: 'Admin: a new partner, without keys yet.' })
  async createPartner(
    @Arg('input', () => CreatePartnerInput) input: CreatePartnerInput,
    @Ctx() context: SubgraphContext,
  ) {
    const outcome = await this.registry.create(context.em, input);
    if (outcome.kind === 'name-taken') return new PartnerNameTaken();
    if (outcome.kind === 'invalid') return new InvalidInput(outcome.issues);
    return outcome.partner;
  }

  @Mutation(() => IssuePartnerKeyResult, {
    description: 'Admin: a new key for a partner, with the scopes it may use. Shown once.',
  })
  async issuePartnerKey(
    @Arg('input', () => IssuePartnerKeyInput) input: IssuePartnerKeyInput,
    @Ctx() context: SubgraphContext,
  ) {
    const outcome = await this.registry.issueKey(context.em, input);
    if (outcome.kind === 'not-found') return new PartnerNotFound();
    if (outcome.kind === 'invalid') return new InvalidInput(outcome.issues);
    return { key: outcome.key, partnerKey: keyView(outcome.record) };
  }

  @Mutation(() => PartnerKeyType, {
    nullable: true,
    description:
      'Admin: the key stops working (within the router’s cache time, seconds). Null if no such key.',
  })
  async revokePartnerKey(@Arg('id', () => ID) id: string, @Ctx() context: SubgraphContext) {
    const key = await this.registry.revokeKey(context.em, id);
    return key && keyView(key);
  }

  @Mutation(() => RegisterPartnerManifestResult, {
    description:
      'Admin: replaces the partner’s operations with an Apollo persisted query manifest (JSON).',
  })
  async registerPartnerManifest(
    @Arg('partnerId', () => ID) partnerId: string,
    @Arg('manifest', () => String) manifest: string,
    @Ctx() context: SubgraphContext,
  ) {
    const outcome = await this.registry.registerManifest(context.em, partnerId, manifest);
    if (outcome.kind === 'not-found') return new PartnerNotFound();
    if (outcome.kind === 'invalid') return new InvalidInput(outcome.issues);
    return outcome.partner;
  }
}
