import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { partnerScopeNames, partnerScopes, type PartnerScope } from '@shop/contracts';
import { ErrorResult } from '@shop/kit/server';

export const PartnerScopeEnum = Object.fromEntries(
  partnerScopeNames.map((scope) => [scope, scope]),
) as Record<PartnerScope, PartnerScope>;
registerEnumType(PartnerScopeEnum, {
  name: 'PartnerScope',
  description: 'What a partner key may read.',
  valuesConfig: Object.fromEntries(
    partnerScopeNames.map((scope) => [scope, { description: partnerScopes[scope].join(', ') }]),
  ),
});

@ObjectType('PartnerKey', { description: 'A partner’s API key; the key itself is shown once.' })
export class PartnerKeyType {
  @Field(() => ID) id!: string;
  @Field(() => String) label!: string;
  @Field(() => String, { description: 'The first characters of the key, to recognise it by.' })
  prefix!: string;
  @Field(() => [PartnerScopeEnum]) scopes!: PartnerScope[];
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date, { nullable: true }) revokedAt!: Date | null;
}

@ObjectType('IssuedPartnerKey')
export class IssuedPartnerKeyType {
  @Field(() => String, {
    description: 'Send as `x-shop-partner-key`. Shown only now: the shop keeps only its hash.',
  })
  key!: string;
  @Field(() => PartnerKeyType) partnerKey!: PartnerKeyType;
}

@ObjectType('PartnerOperation', { description: 'One operation of a partner’s manifest.' })
export class PartnerOperationType {
  @Field(() => ID, { description: 'SHA-256 of the body: what the partner sends.' }) id!: string;
  @Field(() => String) name!: string;
  @Field(() => [String]) rootFields!: string[];
}

@ObjectType('Partner', { description: 'A company calling the API with persisted operations.' })
export class PartnerType {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => Int, { description: 'Across all of its keys.' }) rateLimitPerMinute!: number;
  @Field(() => Date) createdAt!: Date;
}

@InputType()
export class CreatePartnerInput {
  @Field(() => String) name!: string;
  @Field(() => Int) rateLimitPerMinute!: number;
}

@InputType()
export class IssuePartnerKeyInput {
  @Field(() => ID) partnerId!: string;
  @Field(() => String) label!: string;
  @Field(() => [PartnerScopeEnum]) scopes!: PartnerScope[];
}

@ObjectType({ implements: ErrorResult, description: 'No partner has this id.' })
export class PartnerNotFound extends ErrorResult {
  constructor() {
    super('PARTNER_NOT_FOUND', 'No partner has this id.');
  }
}

@ObjectType({ implements: ErrorResult, description: 'Another partner has this name.' })
export class PartnerNameTaken extends ErrorResult {
  constructor() {
    super('PARTNER_NAME_TAKEN', 'Another partner has this name already.');
  }
}
