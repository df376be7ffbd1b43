import { format, resolveConfig } from 'prettier';

/**
 * A generated file as `pnpm lint` (prettier --check) wants it, so writing it never breaks lint and
 * comparing it with the committed copy is not thrown off by formatting.
 */
export async function prettierFormat(text: string, file: string): Promise<string> {
  const config = await resolveConfig(file);
  return format(text, { ...config, filepath: file });
}
