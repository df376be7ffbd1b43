import { ReturnLineSchema } from './return-line.entity.js';
import { ReturnSchema } from './return.entity.js';

export const returnEntities = [ReturnSchema, ReturnLineSchema];
