import { Field, InputType, Int } from 'type-graphql';
import type { MembershipGrade } from '../domain/membership-grade.js';
import { MembershipGradeEnum } from './user.type.js';

@InputType()
export class UpdateProfileInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'null removes the phone number.' })
  phone?: string | null;
}

@InputType()
export class AddressInput {
  @Field(() => String)
  label!: string;

  @Field(() => String)
  recipient!: string;

  @Field(() => String)
  phone!: string;

  @Field(() => String, { description: '5-digit Korean postal code.' })
  postalCode!: string;

  @Field(() => String)
  line1!: string;

  @Field(() => String, { nullable: true })
  line2?: string | null;

  @Field(() => Boolean, { nullable: true })
  isDefault?: boolean | null;
}

@InputType()
export class UserSearchInput {
  @Field(() => String, { nullable: true, description: 'Start of the email, or part of the name.' })
  query?: string | null;

  @Field(() => MembershipGradeEnum, { nullable: true })
  grade?: MembershipGrade | null;

  @Field(() => Int, { defaultValue: 20 })
  first!: number;

  @Field(() => String, { nullable: true })
  after?: string | null;
}
