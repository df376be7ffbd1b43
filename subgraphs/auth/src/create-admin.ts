// `pnpm create-admin --email <email> --name <name>` (password from SHOP_ADMIN_PASSWORD or asked):
// creates the first administrator, or makes an existing account one. Uses the same database as the
// auth subgraph (embedded by default, SHOP_INFRA=real for MySQL).
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { applyInfraEnv } from '@shop/infra';
import { loadConfig } from '@shop/kit';
import { databaseConfigSchema, openDatabase, prepareSchema } from '@shop/kit/db';
import { Outbox } from '@shop/kit/events';
import { Credential } from './domain/credential.entity.js';
import { authEntities } from './domain/entities.js';
import { migrationsList } from './migrations/index.js';
import { promoteOrCreateAdmin } from './services/admin-accounts.js';

const { values } = parseArgs({
  options: { email: { type: 'string' }, name: { type: 'string', default: 'Administrator' } },
});
if (!values.email) {
  console.error(
    'usage: pnpm create-admin --email <email> [--name <name>]  (password: SHOP_ADMIN_PASSWORD or prompt)',
  );
  process.exit(2);
}
if (process.env.SHOP_INFRA === 'real') applyInfraEnv();
const password = process.env.SHOP_ADMIN_PASSWORD ?? (await ask('Password (10+ characters): '));
const orm = await openDatabase({
  config: loadConfig('auth', databaseConfigSchema('auth'), process.env),
  entities: authEntities,
  migrations: { list: migrationsList, folder: new URL('./migrations', import.meta.url).pathname },
});
await prepareSchema(orm);
try {
  const outcome = await promoteOrCreateAdmin(orm.em.fork(), new Outbox('auth'), {
    email: values.email,
    password,
    name: values.name ?? 'Administrator',
  });
  if (outcome.kind === 'invalid-input') {
    console.error(outcome.issues.map((issue) => `${issue.field}: ${issue.message}`).join('\n'));
    process.exitCode = 1;
  } else {
    const admin = await orm.em
      .fork()
      .findOneOrFail(Credential, { email: values.email.trim().toLowerCase() });
    console.log(`${values.email} is an administrator (${outcome.kind}, user id ${admin.id})`);
  }
} finally {
  await orm.close();
}

async function ask(question: string): Promise<string> {
  const prompt = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return await prompt.question(question);
  } finally {
    prompt.close();
  }
}
