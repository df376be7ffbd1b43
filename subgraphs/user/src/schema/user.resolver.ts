import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { parseInput } from '@shop/kit';
import { InvalidInput, noteBefore, type SubgraphContext } from '@shop/kit/server';
import { PointsEntry } from '../domain/points-entry.entity.js';
import { User } from '../domain/user.entity.js';
import type { AddressBook, AddressOutcome } from '../services/address-book.js';
import { pointsAdjustmentSchema } from '../services/points-adjustment-input.js';
import type { PointsWallet } from '../services/points-wallet.js';
import type { ProfileService } from '../services/profile-service.js';
import { searchUsers } from '../services/user-search.js';
import { AddressInput, UpdateProfileInput, UserSearchInput } from './inputs.js';
import { AddressResult, AdjustPointsResult, UpdateProfileResult } from './results.js';
import {
  AddressLimitReached,
  AddressNotFound,
  AddressType,
  PointsEntryType,
  UserConnection,
  UserType,
} from './user.type.js';

export interface UserResolverDeps {
  profiles: ProfileService;
  addresses: AddressBook;
  wallet: PointsWallet;
}

/** Ownership is enforced twice: queries are scoped to the signed-in user, and the type rules check it. */
function signedInUserId(context: SubgraphContext): string {
  if (context.identity.kind !== 'user')
    throw new Error('permission rules let an anonymous caller through');
  return context.identity.userId;
}

@Resolver(() => UserType)
export class UserResolver {
  constructor(private readonly deps: UserResolverDeps) {}

  @Query(() => UserType, { nullable: true, description: 'The signed-in user.' })
  me(@Ctx() context: SubgraphContext) {
    return context.em.findOne(User, { id: signedInUserId(context) });
  }

  @Query(() => UserType, { nullable: true, description: 'Admin: one customer by id.' })
  user(@Arg('id', () => ID) id: string, @Ctx() context: SubgraphContext) {
    return context.em.findOne(User, { id });
  }

  @Query(() => UserConnection, { description: 'Admin: search users.' })
  users(
    @Arg('search', () => UserSearchInput, { defaultValue: { first: 20 } }) search: UserSearchInput,
    @Ctx() context: SubgraphContext,
  ) {
    return searchUsers(context.em, search);
  }

  @FieldResolver(() => [AddressType])
  addresses(@Root() user: User, @Ctx() context: SubgraphContext) {
    return this.deps.addresses.list(context.em, user.id);
  }

  @FieldResolver(() => [PointsEntryType], { description: 'Newest first.' })
  pointsHistory(
    @Root() user: User,
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Ctx() context: SubgraphContext,
  ) {
    return context.em.find(
      PointsEntry,
      { userId: user.id },
      { orderBy: { id: 'desc' }, limit: Math.min(Math.max(first, 1), 100) },
    );
  }

  @Mutation(() => UpdateProfileResult)
  async updateProfile(
    @Arg('input', () => UpdateProfileInput) input: UpdateProfileInput,
    @Ctx() context: SubgraphContext,
  ) {
    const outcome = await this.deps.profiles.update(context.em, signedInUserId(context), input);
    if (outcome.kind === 'invalid-input') return new InvalidInput(outcome.issues);
    if (outcome.kind === 'not-found') throw new Error('signed-in user has no profile');
    return outcome.user;
  }

  @Mutation(() => AddressResult)
  async addAddress(
    @Arg('input', () => AddressInput) input: AddressInput,
    @Ctx() context: SubgraphContext,
  ) {
    return addressResult(await this.deps.addresses.add(context.em, signedInUserId(context), input));
  }

  @Mutation(() => AddressResult)
  async updateAddress(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => AddressInput) input: AddressInput,
    @Ctx() context: SubgraphContext,
  ) {
    return addressResult(
      await this.deps.addresses.update(context.em, signedInUserId(context), id, input),
    );
  }

  @Mutation(() => AdjustPointsResult, {
    description: 'Admin: grant (or, negative, take back) points, once per reference.',
  })
  async adjustPoints(
    @Arg('userId', () => ID) userId: string,
    @Arg('amount', () => Int) amount: number,
    @Arg('reference', () => String, { description: 'e.g. a support ticket id.' }) reference: string,
    @Arg('reason', () => String, { description: 'Why, in words: shown in the points history.' })
    reason: string,
    @Ctx() context: SubgraphContext,
  ) {
    const parsed = parseInput(pointsAdjustmentSchema, { amount, reference, reason });
    if (!parsed.ok) return new InvalidInput(parsed.issues);
    const user = await context.em.findOne(User, { id: userId });
    if (!user) return new InvalidInput([{ field: 'userId', message: 'no such user' }]);
    noteBefore(context, user);
    const { amount: delta, reason: note } = parsed.data;
    if (!(await this.deps.wallet.adjust(context.em, { userId, delta, reference, note })))
      return new InvalidInput([{ field: 'amount', message: 'would take the balance below zero' }]);
    return context.em.findOne(User, { id: userId }, { refresh: true });
  }

  @Mutation(() => Boolean, { description: 'True if the address was in your book and is now gone.' })
  removeAddress(@Arg('id', () => ID) id: string, @Ctx() context: SubgraphContext) {
    return this.deps.addresses.remove(context.em, signedInUserId(context), id);
  }
}

function addressResult(outcome: AddressOutcome) {
  switch (outcome.kind) {
    case 'saved':
      return outcome.address;
    case 'invalid-input':
      return new InvalidInput(outcome.issues);
    case 'not-found':
      return new AddressNotFound();
    case 'limit-reached':
      return new AddressLimitReached(outcome.limit);
  }
}
