// Runs the PG sandbox alone. PG_SANDBOX_PORT (4192), PG_SANDBOX_HOST (127.0.0.1),
// PG_SANDBOX_SECRET_KEY (test_sk_sandbox), PG_SANDBOX_CLIENT_KEY (test_ck_sandbox),
// PG_SANDBOX_TIMEOUT_DELAY_MS (10000); unset means the sandbox's default.
import { z } from 'zod';
import { startPgSandbox } from './server.js';

const envSchema = z.object({
  PG_SANDBOX_PORT: z.coerce.number().optional(),
  PG_SANDBOX_HOST: z.string().optional(),
  PG_SANDBOX_SECRET_KEY: z.string().optional(),
  PG_SANDBOX_CLIENT_KEY: z.string().optional(),
  PG_SANDBOX_TIMEOUT_DELAY_MS: z.coerce.number().optional(),
});
const parsed = envSchema.safeParse(process.env);
if (!parsed.success) {
  console.error(`PG sandbox environment:\n${z.prettifyError(parsed.error)}`);
  process.exit(1);
}
const env = parsed.data;

const sandbox = await startPgSandbox({
  port: env.PG_SANDBOX_PORT,
  host: env.PG_SANDBOX_HOST,
  secretKey: env.PG_SANDBOX_SECRET_KEY,
  clientKey: env.PG_SANDBOX_CLIENT_KEY,
  timeoutDelayMs: env.PG_SANDBOX_TIMEOUT_DELAY_MS,
});
console.log(`PG sandbox on ${sandbox.url} (checkout page: ${sandbox.url}/checkout)`);
process.once('SIGTERM', () => void sandbox.stop());
process.once('SIGINT', () => void sandbox.stop());
