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
}
