import { read } from 'read';

/** Why there is no password to use; `pnpm create-admin` prints it and stops. */
export class NoAdminPassword extends Error {
  override readonly name = 'NoAdminPassword';
}

/** Asks on the terminal without echoing what is typed (nor Enter, or Ctrl+C: hence the newline). */
async function askHidden(prompt: string): Promise<string> {
  try {
    return await read({ prompt, silent: true });
  } finally {
    process.stdout.write('\n');
  }
}

/**
 * The new administrator's password: `SHOP_ADMIN_PASSWORD`, else typed twice on the terminal and
 * never shown. Without a terminal (a pipe, CI) there is no one to ask: it throws at once rather
 * than waiting on input that never comes.
 */
export async function adminPassword(env: Record<string, string | undefined>): Promise<string> {
  if (env.SHOP_ADMIN_PASSWORD !== undefined) return env.SHOP_ADMIN_PASSWORD;
  if (!process.stdin.isTTY)
    throw new NoAdminPassword('no terminal to ask for the password on: set SHOP_ADMIN_PASSWORD');
  const password = await askHidden('Password (10+ characters):');
  // A typo in a password nobody saw would lock the administrator out.
  if ((await askHidden('Same password again:')) !== password)
    throw new NoAdminPassword('the two passwords differ');
  return password;
}
