// `pnpm create-admin --email <email> [--name <name>]`: creates the first administrator, or makes an
// existing account one, on the auth subgraph's database (embedded by default, SHOP_INFRA=real for
// MySQL). The password comes from SHOP_ADMIN_PASSWORD, else from a prompt that does not echo it.
import { parseArgs } from 'node:util';
import { applyInfraEnv } from '@shop/infra';
import { bootstrapAdmin } from './admin-bootstrap.js';
import { NoAdminPassword, adminPassword } from './admin-password.js';

const { values } = parseArgs({
  options: { email: { type: 'string' }, name: { type: 'string', default: 'Administrator' } },
});
if (!values.email) {
  console.error(
    'usage: pnpm create-admin --email <email> [--name <name>]\n' +
      '  password: SHOP_ADMIN_PASSWORD, or asked without echo when run in a terminal',
  );
  process.exit(2);
}
if (process.env.SHOP_INFRA === 'real') applyInfraEnv();
let password: string;
try {
  password = await adminPassword(process.env);
} catch (error) {
  // Ctrl+C at the prompt ends it quietly too (read's "canceled").
  console.error(`create-admin: ${(error as Error).message}`);
  process.exit(error instanceof NoAdminPassword ? 2 : 130);
}
const outcome = await bootstrapAdmin(process.env, {
  email: values.email,
  password,
  name: values.name ?? 'Administrator',
});
if (outcome.kind === 'invalid-input') {
  console.error(outcome.issues.map((issue) => `${issue.field}: ${issue.message}`).join('\n'));
  process.exitCode = 1;
} else if (outcome.kind === 'promoted') {
  console.log(`${values.email} is an administrator (promoted; the account keeps its password)`);
} else {
  console.log(`${values.email} is an administrator (created)`);
}
