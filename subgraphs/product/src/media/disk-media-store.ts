import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { MediaStore } from './media-store.js';

/** Pictures as files in one folder (the data dir's `media/`), for the embedded run and tests. */
export class DiskMediaStore implements MediaStore {
  constructor(private readonly folder: string) {}

  async put(key: string, bytes: Buffer): Promise<void> {
    await mkdir(this.folder, { recursive: true });
    // Written aside then renamed would be atomic; keys are new each time, so a half-written file
    // is never served under a name some product already shows.
    await writeFile(this.pathOf(key), bytes, { flag: 'wx' });
  }

  async get(key: string): Promise<Buffer | undefined> {
    try {
      return await readFile(this.pathOf(key));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  private pathOf(key: string): string {
    // Keys are checked by the caller (mediaKeyPattern); basename is a second guard against `..`.
    return path.join(this.folder, path.basename(key));
  }
}
