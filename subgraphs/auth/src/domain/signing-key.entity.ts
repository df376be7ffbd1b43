import { defineEntity, p } from '@mikro-orm/core';

/**
 * A key pair that signs access tokens. The newest active key signs; a retired key stops signing
 * but stays in the JWKS until `publishUntil`, when every token it signed has expired.
 */
export const SigningKeySchema = defineEntity({
  name: 'SigningKey',
  tableName: 'signing_key',
  properties: {
    kid: p.string().length(64).primary(),
    algorithm: p.string().length(16),
    publicJwk: p.text(),
    privateJwk: p.text(),
    createdAt: p.datetime().onCreate(() => new Date()),
    retiredAt: p.datetime().nullable(),
    publishUntil: p.datetime().nullable(),
  },
});

export class SigningKey extends SigningKeySchema.class {}
SigningKeySchema.setClass(SigningKey);
