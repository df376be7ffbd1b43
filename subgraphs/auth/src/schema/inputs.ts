import { Field, InputType } from 'type-graphql';

@InputType()
export class SignUpInput {
  @Field(() => String)
  email!: string;

  @Field(() => String, { description: '10 to 128 characters.' })
  password!: string;

  @Field(() => String)
  name!: string;
}

@InputType()
export class LoginInput {
  @Field(() => String)
  email!: string;

  @Field(() => String)
  password!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'The `deviceToken` of an earlier session of this account, if this browser has one.',
  })
  deviceToken?: string | null;
}
