import { CredentialSchema } from './credential.entity.js';
import { RefreshTokenSchema } from './refresh-token.entity.js';
import { SigningKeySchema } from './signing-key.entity.js';

export const authEntities = [CredentialSchema, RefreshTokenSchema, SigningKeySchema];
