// `pnpm create-admin --email <email> --name <name>` (password from SHOP_ADMIN_PASSWORD or asked):
// creates the first administrator, or makes an existing account one. Uses the same database as the
// auth subgraph (embedded by default, SHOP_INFRA=real for MySQL).
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { applyInfraEnv } from '@shop/infra';
import { bootstrapAdmin } from './admin-bootstrap.js';

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
const outcome = await bootstrapAdmin(process.env, {
  email: values.email,
  password,
  name: values.name ?? 'Administrator',
});
if (outcome.kind === 'invalid-input') {
  console.error(outcome.issues.map((issue) => `${issue.field}: ${issue.message}`).join('\n'));
  process.exitCode = 1;
} else {
  console.log(`${values.email} is an administrator (${outcome.kind})`);
}

async function ask(question: string): Promise<string> {
  const prompt = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return await prompt.question(question);
  } finally {
    prompt.close();
  }
}
