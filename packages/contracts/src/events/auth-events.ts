import { z } from 'zod';
import { staffRoles } from '../staff-duties.js';
import { topicOf } from './envelope.js';

const authTopic = topicOf('auth');

/** auth.events — published by the auth subgraph. */
export const userRegisteredEvent = {
  type: 'UserRegistered',
  version: 1,
  topic: authTopic,
  data: z.object({
    userId: z.uuid(),
    email: z.email(),
    name: z.string(),
    roles: z.array(z.enum(['CUSTOMER', ...staffRoles, 'PARTNER'])),
  }),
} as const;

export type UserRegistered = z.infer<typeof userRegisteredEvent.data>;
