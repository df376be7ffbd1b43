import { createResultUnion, InvalidInput } from '@shop/kit/server';
import {
  IssuedPartnerKeyType,
  PartnerNameTaken,
  PartnerNotFound,
  PartnerType,
} from './partner.type.js';

export const CreatePartnerResult = createResultUnion({
  name: 'CreatePartnerResult',
  types: () => [PartnerType, PartnerNameTaken, InvalidInput] as const,
});

export const IssuePartnerKeyResult = createResultUnion({
  name: 'IssuePartnerKeyResult',
  types: () => [IssuedPartnerKeyType, PartnerNotFound, InvalidInput] as const,
});

export const RegisterPartnerManifestResult = createResultUnion({
  name: 'RegisterPartnerManifestResult',
  types: () => [PartnerType, PartnerNotFound, InvalidInput] as const,
});
