import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { infraDir } from '../src/paths.js';

const run = promisify(execFile);
const prometheusDir = path.join(infraDir, 'prometheus');
const promtool = await run('promtool', ['--version']).then(
  () => true,
  () => false,
);
// CI requires the real services: promtool comes with them, so its absence is a failure there.
if (!promtool && process.env.SHOP_TEST_INFRA === 'required')
  throw new Error(
    'SHOP_TEST_INFRA=required and no promtool: bash scripts/install-system-packages.sh',
  );

describe.skipIf(!promtool)("the shop's Prometheus configuration (promtool)", () => {
  it('the config and its rules load', async () => {
    const { stdout } = await run('promtool', ['check', 'config', 'prometheus.yml'], {
      cwd: prometheusDir,
    });
    expect(stdout).toContain('SUCCESS: prometheus.yml is valid');
    expect(stdout).toMatch(/SUCCESS: \d+ rules found/);
  });

  it('every alert fires on the series it is for, and not on those below its threshold', async () => {
    const { stdout } = await run('promtool', ['test', 'rules', 'tests/shop-rules.test.yml'], {
      cwd: prometheusDir,
    });
    expect(stdout).toContain('SUCCESS');
  });
});
