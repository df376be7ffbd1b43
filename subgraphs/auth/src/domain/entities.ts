import { CredentialSchema } from './credential.entity.js';
import { PartnerKeySchema } from './partner-key.entity.js';
import { PartnerOperationSchema } from './partner-operation.entity.js';
import { PartnerSchema } from './partner.entity.js';
import { RefreshTokenSchema } from './refresh-token.entity.js';
import { SigningKeySchema } from './signing-key.entity.js';
import { StaffActionSchema } from './staff-action.entity.js';

export const authEntities = [
  CredentialSchema,
  RefreshTokenSchema,
  SigningKeySchema,
  PartnerSchema,
  PartnerKeySchema,
  PartnerOperationSchema,
  StaffActionSchema,
];
