import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '@shop/kit';
import { databaseConfigSchema, openDatabase, type Orm } from '@shop/kit/db';
import { authEntities } from '../src/domain/entities.js';
import { Credential } from '../src/domain/credential.entity.js';
import { verifyPassword } from '../src/services/password-hasher.js';

const repositoryRoot = fileURLToPath(new URL('../../../', import.meta.url));
/** util-linux's `script`: runs a command on a pseudo-terminal, as a developer's shell would. */
const scriptCommand = '/usr/bin/script';

interface Run {
  code: number | null;
  output: string;
}

/**
 * `pnpm create-admin`, as typed at the repository root, with an environment that has no shop
 * setting but the data folder (embedded: auth's SQLite database in it) and `env`. `answer` replies
 * to each prompt when it appears.
 */
function createAdmin(
  command: string[],
  env: Record<string, string>,
  answer: (output: string) => string | undefined = () => undefined,
): Promise<Run> {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !key.startsWith('SHOP_')),
  );
  const child = spawn(command[0]!, command.slice(1), {
    cwd: repositoryRoot,
    env: { ...inherited, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
    const reply = answer(output);
    if (reply !== undefined) child.stdin.write(reply);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

describe('`pnpm create-admin` (SQLite)', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'shop-create-admin-'));
  const password = 'a password only the test knows';
  let orm: Orm;

  /** Whether `email` is an administrator who signs in with `password`. */
  async function adminWithPassword(email: string): Promise<boolean> {
    const credential = await orm.em.fork().findOne(Credential, { email });
    if (!credential) return false;
    return credential.roles.includes('ADMIN') && verifyPassword(credential.passwordHash, password);
  }

  beforeAll(async () => {
    const first = await createAdmin(
      ['pnpm', '--silent', 'create-admin', '--email', 'first@example.com'],
      { SHOP_DATA_DIR: dataDir, SHOP_ADMIN_PASSWORD: password },
    );
    expect(first, first.output).toMatchObject({ code: 0 });
    // The database the script made, opened as the auth tests open theirs.
    orm = await openDatabase({
      config: loadConfig('auth', databaseConfigSchema('auth'), { SHOP_DATA_DIR: dataDir }),
      entities: authEntities,
    });
  }, 60_000);

  afterAll(async () => {
    await orm?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('takes SHOP_ADMIN_PASSWORD without a terminal and never prints it', async () => {
    expect(await adminWithPassword('first@example.com')).toBe(true);
    const again = await createAdmin(
      ['pnpm', '--silent', 'create-admin', '--email', 'first@example.com'],
      { SHOP_DATA_DIR: dataDir, SHOP_ADMIN_PASSWORD: password },
    );
    expect(again.code).toBe(0);
    expect(again.output).toMatch(/first@example\.com is an administrator \(promoted/);
    expect(again.output).not.toContain(password);
  });

  it('without a terminal or SHOP_ADMIN_PASSWORD, says what to set and stops at once', async () => {
    // Its stdin is a pipe left open: a prompt waiting on it would never end.
    const run = await createAdmin(
      ['pnpm', '--silent', 'create-admin', '--email', 'nobody@example.com'],
      { SHOP_DATA_DIR: dataDir },
    );
    expect(run.code).toBe(2);
    expect(run.output).toMatch(/set SHOP_ADMIN_PASSWORD/);
    expect(await orm.em.fork().findOne(Credential, { email: 'nobody@example.com' })).toBeNull();
  });

  it.skipIf(!existsSync(scriptCommand))(
    'on a terminal, asks twice and shows nothing of what is typed',
    async () => {
      const prompts = ['Password (10+ characters):', 'Same password again:'];
      let answered = 0;
      const run = await createAdmin(
        [
          scriptCommand,
          '-qec',
          'pnpm --silent create-admin --email typed@example.com',
          '/dev/null',
        ],
        { SHOP_DATA_DIR: dataDir },
        (output) => {
          if (!output.includes(prompts[answered] ?? '\0')) return undefined;
          answered += 1;
          return `${password}\r`;
        },
      );
      expect(answered).toBe(2);
      expect(run, run.output).toMatchObject({ code: 0 });
      expect(run.output).toContain('typed@example.com is an administrator (created)');
      expect(run.output).not.toContain(password);
      expect(await adminWithPassword('typed@example.com')).toBe(true);
    },
    60_000,
  );
});
