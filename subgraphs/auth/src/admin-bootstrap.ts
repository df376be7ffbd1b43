import { fileURLToPath } from 'node:url';
import { loadConfig } from '@shop/kit';
import { databaseConfigSchema, openDatabase, prepareSchema } from '@shop/kit/db';
import { Outbox } from '@shop/kit/events';
import { authEntities } from './domain/entities.js';
import { migrationsList } from './migrations/index.js';
import { promoteOrCreateAdmin, type AdminOutcome } from './services/admin-accounts.js';

/**
 * Creates an administrator, or makes an existing account one, directly on auth's database (the
 * one `env` points at): how the first admin comes to be, from `pnpm create-admin` and from tests.
 */
export async function bootstrapAdmin(
  env: Record<string, string | undefined>,
  account: { email: string; password: string; name: string },
): Promise<AdminOutcome> {
  const orm = await openDatabase({
    config: loadConfig('auth', databaseConfigSchema('auth'), env),
    entities: authEntities,
    migrations: {
      list: migrationsList,
      folder: fileURLToPath(new URL('./migrations', import.meta.url)),
    },
  });
  try {
    await prepareSchema(orm);
    // The UserRegistered event waits in auth's outbox for the running service's relay.
    return await promoteOrCreateAdmin(orm.em.fork(), new Outbox('auth'), account);
  } finally {
    await orm.close();
  }
}
