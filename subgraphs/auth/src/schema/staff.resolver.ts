import { GraphQLError } from 'graphql';
import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { isStaffRole } from '@shop/contracts/staff-duties';
import { noteBefore, userIdOf, type SubgraphContext } from '@shop/kit/server';
import { Credential } from '../domain/credential.entity.js';
import type { StaffAction } from '../domain/staff-action.entity.js';
import type { Staff } from '../services/staff.js';
import {
  AccountNotFound,
  OwnRole,
  SetStaffRoleInput,
  SetStaffRoleResult,
  StaffActionFilter,
  StaffActionType,
  StaffMemberType,
} from './staff.type.js';

export const memberView = (account: Credential): StaffMemberType => ({
  id: account.id,
  email: account.email,
  role: account.roles.find(isStaffRole) ?? null,
});

@Resolver()
export class StaffResolver {
  constructor(private readonly staff: Staff) {}

  @Query(() => [StaffMemberType], { description: 'Owner: every member of staff, by email.' })
  async staffMembers(@Ctx() context: SubgraphContext) {
    return (await this.staff.members(context.em)).map(memberView);
  }

  @Query(() => [StaffActionType], { description: 'Owner: the audit log, newest first.' })
  async staffActions(
    @Arg('filter', () => StaffActionFilter, { defaultValue: { first: 100 } })
    filter: StaffActionFilter,
    @Ctx() context: SubgraphContext,
  ) {
    const actions = await this.staff.actions(context.em, {
      actorId: filter.actorId,
      first: Math.min(Math.max(filter.first, 1), 200),
    });
    return this.withActors(context, actions);
  }

  @Query(() => [StaffActionType], {
    description:
      'Staff: what staff did to these (an order, its shipments and returns; at most 50 ids), oldest first.',
  })
  async staffActionsOn(
    @Arg('subjectIds', () => [ID]) subjectIds: string[],
    @Ctx() context: SubgraphContext,
  ) {
    if (subjectIds.length === 0 || subjectIds.length > 50)
      throw new GraphQLError('subjectIds: 1 to 50 ids', { extensions: { code: 'BAD_USER_INPUT' } });
    return this.withActors(context, await this.staff.actionsOn(context.em, subjectIds));
  }

  private async withActors(context: SubgraphContext, actions: StaffAction[]) {
    const actors = await context.em.find(Credential, {
      id: [...new Set(actions.map((action) => action.actorId))],
    });
    const emailOf = new Map(actors.map((actor) => [actor.id, actor.email]));
    return actions.map((action): StaffActionType => ({
      ...action,
      id: String(action.id),
      actorEmail: emailOf.get(action.actorId) ?? null,
      subjectId: action.subjectId ?? null,
      before: action.before ?? null,
      after: action.after ?? null,
    }));
  }

  @Mutation(() => SetStaffRoleResult, {
    description:
      'Owner: gives an account a staff role, or takes it away (role: null). Its sessions end; the next sign-in has the new role.',
  })
  async setStaffRole(
    @Arg('input', () => SetStaffRoleInput) input: SetStaffRoleInput,
    @Ctx() context: SubgraphContext,
  ) {
    const outcome = await this.staff.setRole(
      context.em,
      userIdOf(context.identity) ?? '',
      input.email,
      input.role ?? null,
    );
    if (outcome.kind === 'account-not-found') return new AccountNotFound();
    if (outcome.kind === 'own-role') return new OwnRole();
    noteBefore(context, { email: outcome.member.email, roles: outcome.before });
    return memberView(outcome.member);
  }
}
