// `pnpm deploy:check`: renders deploy/k8s (base and every overlay) the way `kubectl apply -k`
// would, validates every object against the Kubernetes OpenAPI schemas (kubernetes-models) and
// for fields Kubernetes does not have, and checks the shop's own rules (probes, resources, budgets,
// autoscalers, Services and the addresses in the config). Exits 1 listing every problem.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkDeploy, formatDeployCheck } from './check.js';
import { schemaSource } from './schema.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const args = process.argv.slice(2);
if (args.length > 1 || args.some((arg) => arg.startsWith('-'))) {
  console.error('usage: pnpm deploy:check [k8s-directory]   (default: deploy/k8s)');
  process.exit(2);
}
const k8sDir = path.resolve(repoRoot, args[0] ?? 'deploy/k8s');
const check = checkDeploy(k8sDir, repoRoot);
const report = formatDeployCheck(check, schemaSource());
if (check.problems === 0) {
  process.stdout.write(`${report}\n`);
} else {
  console.error(report);
  process.exitCode = 1;
}
