import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ErrorResult } from '@shop/kit/server';
import { membershipGrades, type MembershipGrade } from '../domain/membership-grade.js';
import { pointsReasons, type PointsReason } from '../domain/points-entry.entity.js';

export const MembershipGradeEnum = Object.fromEntries(
  membershipGrades.map((g) => [g, g]),
) as Record<MembershipGrade, MembershipGrade>;
registerEnumType(MembershipGradeEnum, {
  name: 'MembershipGrade',
  description:
    'Earned by lifetime spend: SILVER from ₩300,000, GOLD from ₩1,000,000, VIP from ₩3,000,000.',
});

export const PointsReasonEnum = Object.fromEntries(pointsReasons.map((r) => [r, r])) as Record<
  PointsReason,
  PointsReason
>;
registerEnumType(PointsReasonEnum, { name: 'PointsReason' });

@ObjectType('User', { description: 'A customer: profile, addresses, grade and points.' })
@Directive('@key(fields: "id")')
export class UserType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  email!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  phone!: string | null;

  @Field(() => MembershipGradeEnum)
  grade!: MembershipGrade;

  @Field(() => Int, { description: 'Points available to spend (1 point = ₩1).' })
  pointsBalance!: number;

  @Field(() => Int, {
    description: 'What the customer kept of confirmed purchases (KRW): the grade follows it.',
  })
  lifetimeSpend!: number;

  @Field(() => Date)
  createdAt!: Date;
}

@ObjectType('Address')
export class AddressType {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'e.g. 집, 회사' })
  label!: string;

  @Field(() => String)
  recipient!: string;

  @Field(() => String)
  phone!: string;

  @Field(() => String)
  postalCode!: string;

  @Field(() => String)
  line1!: string;

  @Field(() => String, { nullable: true })
  line2!: string | null;

  @Field(() => Boolean)
  isDefault!: boolean;
}

@ObjectType('PointsEntry', { description: 'One change of a points balance and its cause.' })
export class PointsEntryType {
  @Field(() => Int)
  delta!: number;

  @Field(() => Int)
  balanceAfter!: number;

  @Field(() => PointsReasonEnum)
  reason!: PointsReason;

  @Field(() => String, { description: 'What caused it, e.g. the order id.' })
  reference!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Why an administrator adjusted the balance (ADMIN_ADJUSTMENT only).',
  })
  note!: string | null;

  @Field(() => Date)
  createdAt!: Date;
}

@ObjectType({ description: 'A page of users, newest first.' })
export class UserConnection {
  @Field(() => [UserType])
  nodes!: UserType[];

  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page.' })
  endCursor!: string | null;

  @Field(() => Boolean)
  hasNextPage!: boolean;
}

@ObjectType({ implements: ErrorResult })
export class AddressNotFound extends ErrorResult {
  constructor() {
    super('ADDRESS_NOT_FOUND', 'This address is not in your address book.');
  }
}

@ObjectType({ implements: ErrorResult })
export class AddressLimitReached extends ErrorResult {
  @Field(() => Int)
  limit: number;

  constructor(limit: number) {
    super(
      'ADDRESS_LIMIT_REACHED',
      `An address book holds at most ${limit} addresses. Remove one first.`,
    );
    this.limit = limit;
  }
}
