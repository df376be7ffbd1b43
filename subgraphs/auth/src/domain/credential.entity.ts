import { defineEntity, p } from '@mikro-orm/core';
import type { Role } from '@shop/kit/identity';

/** A login: the user id every other subgraph knows, the email, the Argon2id hash and the roles. */
export const CredentialSchema = defineEntity({
  name: 'Credential',
  tableName: 'credential',
  properties: {
    id: p.string().length(36).primary(),
    email: p.string().length(254).unique(),
    passwordHash: p.string().length(255),
    roles: p.json<Role[]>(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export class Credential extends CredentialSchema.class {}
CredentialSchema.setClass(Credential);
