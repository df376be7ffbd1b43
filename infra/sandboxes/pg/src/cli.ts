// Runs the PG sandbox alone: PG_SANDBOX_PORT (4190), PG_SANDBOX_SECRET_KEY (test_sk_sandbox).
import { startPgSandbox } from './server.js';

const sandbox = await startPgSandbox({
  port: Number(process.env.PG_SANDBOX_PORT ?? 4190),
  secretKey: process.env.PG_SANDBOX_SECRET_KEY,
});
console.log(`PG sandbox on ${sandbox.url} (checkout page: ${sandbox.url}/checkout)`);
process.once('SIGTERM', () => void sandbox.stop());
process.once('SIGINT', () => void sandbox.stop());
