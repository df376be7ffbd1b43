import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { isStaffRole } from '@shop/contracts/staff-duties';
import { noteBefore, userIdOf, type SubgraphContext } from '@shop/kit/server';
import { Credential } from '../domain/credential.entity.js';
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

const memberView = (account: Credential): StaffMemberType => ({
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
