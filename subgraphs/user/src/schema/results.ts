import { createResultUnion, InvalidInput } from '@shop/kit/server';
import { AddressLimitReached, AddressNotFound, AddressType, UserType } from './user.type.js';

export const UpdateProfileResult = createResultUnion({
  name: 'UpdateProfileResult',
  types: () => [UserType, InvalidInput] as const,
});

export const AddressResult = createResultUnion({
  name: 'AddressResult',
  types: () => [AddressType, InvalidInput, AddressNotFound, AddressLimitReached] as const,
});

export const AdjustPointsResult = createResultUnion({
  name: 'AdjustPointsResult',
  types: () => [UserType, InvalidInput] as const,
});
