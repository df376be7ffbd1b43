import { ReturnLineSchema } from './return-line.entity.js';
import { ReturnSchema } from './return.entity.js';
import { ReturnableLineSchema } from './returnable-line.entity.js';

export const returnEntities = [ReturnSchema, ReturnLineSchema, ReturnableLineSchema];
