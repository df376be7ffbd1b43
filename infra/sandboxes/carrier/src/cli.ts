// Runs the carrier sandbox alone: CARRIER_SANDBOX_PORT (4191), CARRIER_WEBHOOK_SECRET.
import { defaultCarrierSandboxPort, startCarrierSandbox } from './server.js';

const sandbox = await startCarrierSandbox({
  port: Number(process.env.CARRIER_SANDBOX_PORT ?? defaultCarrierSandboxPort),
  webhookSecret: process.env.CARRIER_WEBHOOK_SECRET,
});
console.log(`carrier sandbox on ${sandbox.url}`);
process.once('SIGTERM', () => void sandbox.stop());
process.once('SIGINT', () => void sandbox.stop());
