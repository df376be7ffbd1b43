import { defineEntity, p } from '@mikro-orm/core';
import { membershipGrades } from './membership-grade.js';

/** A customer's profile. The id is the one auth issued at sign-up. */
export const UserSchema = defineEntity({
  name: 'User',
  tableName: 'user_profile',
  properties: {
    id: p.string().length(36).primary(),
    email: p.string().length(254).unique(),
    name: p.string().length(100),
    phone: p.string().length(32).nullable(),
    grade: p.enum(membershipGrades).default('BASIC'),
    pointsBalance: p.integer().default(0),
    lifetimeSpend: p.bigint('number').default(0),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});

export class User extends UserSchema.class {}
UserSchema.setClass(User);
