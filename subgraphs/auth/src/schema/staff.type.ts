import { Directive, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { staffRoles, type StaffRole } from '@shop/contracts/staff-duties';
import { createResultUnion, ErrorResult } from '@shop/kit/server';

export const StaffRoleEnum = Object.fromEntries(staffRoles.map((role) => [role, role])) as Record<
  StaffRole,
  StaffRole
>;
registerEnumType(StaffRoleEnum, {
  name: 'StaffRole',
  description:
    'ADMIN: the owner, everything; OPERATOR: catalogue, promotions, shipping, refunds; CS: refunds and customers; VIEWER: reads only.',
});

@ObjectType('StaffMember', {
  description: 'An account with a staff role; other subgraphs name who did what by it.',
})
@Directive('@key(fields: "id")')
export class StaffMemberType {
  @Field(() => ID) id!: string;
  @Field(() => String) email!: string;
  @Field(() => StaffRoleEnum, {
    nullable: true,
    description: 'None once `setStaffRole` took it away.',
  })
  role!: StaffRole | null;
}

@ObjectType('StaffAction', { description: 'One entry of the audit log.' })
export class StaffActionType {
  @Field(() => ID) id!: string;
  @Field(() => ID) actorId!: string;
  @Field(() => String, {
    nullable: true,
    description: 'The actor’s email, if the account remains.',
  })
  actorEmail!: string | null;
  @Field(() => String, { description: 'The actor’s roles then, comma-separated.' })
  actorRoles!: string;
  @Field(() => String, { description: 'The subgraph that answered.' }) service!: string;
  @Field(() => String, { description: 'The mutation, e.g. updateSku.' }) action!: string;
  @Field(() => String, { nullable: true }) subjectId!: string | null;
  @Field(() => String, { description: 'The arguments, as JSON (secrets hidden).' }) input!: string;
  @Field(() => String, { description: 'OK, or the error result’s or refusal’s code.' })
  outcome!: string;
  @Field(() => String, { nullable: true, description: 'What it replaced, as JSON.' })
  before!: string | null;
  @Field(() => String, { nullable: true, description: 'What it answered, as JSON.' })
  after!: string | null;
  @Field(() => Date) at!: Date;
}

@InputType()
export class SetStaffRoleInput {
  @Field(() => String) email!: string;
  @Field(() => StaffRoleEnum, { nullable: true, description: 'None: no longer staff.' })
  role!: StaffRole | null;
}

@InputType()
export class StaffActionFilter {
  @Field(() => ID, { nullable: true }) actorId?: string | null;
  @Field(() => Int, { defaultValue: 100, description: 'At most 200.' }) first!: number;
}

@ObjectType({ implements: ErrorResult, description: 'No account has this email.' })
export class AccountNotFound extends ErrorResult {
  constructor() {
    super('ACCOUNT_NOT_FOUND', 'No account has this email.');
  }
}

@ObjectType({ implements: ErrorResult, description: 'No one changes their own staff role.' })
export class OwnRole extends ErrorResult {
  constructor() {
    super('OWN_ROLE', 'You cannot change your own role; another owner can.');
  }
}

export const SetStaffRoleResult = createResultUnion({
  name: 'SetStaffRoleResult',
  types: () => [StaffMemberType, AccountNotFound, OwnRole] as const,
});
