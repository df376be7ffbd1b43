import { Directive, Field, ObjectType } from 'type-graphql';
import { ErrorResult } from './error-result.js';

@ObjectType({ description: 'One problem with one input field.' })
@Directive('@shareable')
export class FieldIssue {
  @Field(() => String, { description: 'Path of the field, e.g. `email` or `lines.0.quantity`.' })
  field!: string;

  @Field(() => String)
  message!: string;
}

/** Every subgraph reports bad input the same way, so the type is shared across the supergraph. */
@ObjectType({
  implements: ErrorResult,
  description: 'The input was rejected; nothing was changed.',
})
@Directive('@shareable')
export class InvalidInput extends ErrorResult {
  @Field(() => [FieldIssue])
  issues: FieldIssue[];

  constructor(issues: { field: string; message: string }[]) {
    super('INVALID_INPUT', issues.map((issue) => `${issue.field}: ${issue.message}`).join('; '));
    this.issues = issues.map((issue) => Object.assign(new FieldIssue(), issue));
  }
}
