import { glob, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse, Source } from 'graphql';
import { operationsOf, type Operation, type SourceDocument } from './documents.js';
import { graphqlTagsOf } from './graphql-tags.js';
import { manifestOperations } from './manifest.js';

/** Installed packages, build output (its sources are read instead) and machine-local state. */
const skippedDirectories = new Set(['node_modules', 'dist', '.git', '.data', '.tools']);

const clientDocuments = ['client/**/*.graphql', 'client/**/*.{ts,tsx}'];
const manifests = ['**/persisted-query-manifest*.json', 'partners/*.manifest.json'];

export interface CollectedOperations {
  operations: Operation[];
  clientFiles: number;
  manifests: number;
  /** Documents or manifests that could not be read as such. */
  problems: string[];
}

async function filesMatching(root: string, patterns: string[]): Promise<string[]> {
  const files = new Set<string>();
  const exclude = (name: string) => skippedDirectories.has(path.basename(name));
  for await (const file of glob(patterns, { cwd: root, exclude })) files.add(file);
  return [...files].sort();
}

/**
 * Every operation a client or partner may send: the client's documents (.graphql files and gql
 * tags in its TypeScript; none while there is no client/) and every persisted query manifest.
 */
export async function collectOperations(root: string): Promise<CollectedOperations> {
  const problems: string[] = [];
  const sources: SourceDocument[] = [];
  for (const file of await filesMatching(root, clientDocuments)) {
    const text = await readFile(path.join(root, file), 'utf8');
    const bodies = file.endsWith('.graphql') ? [text] : graphqlTagsOf(text);
    for (const body of bodies) {
      try {
        sources.push({ file, document: parse(new Source(body, file)) });
      } catch (error) {
        problems.push(`${file}: ${(error as Error).message}`);
      }
    }
  }
  const client = operationsOf(sources);
  problems.push(...client.problems);
  const operations = [...client.operations];
  // A manifest generator's settings (persisted-query-manifest.config.json) are not a manifest.
  const manifestFiles = (await filesMatching(root, manifests)).filter(
    (file) => !file.endsWith('.config.json'),
  );
  for (const file of manifestFiles) {
    const manifest = manifestOperations(file, await readFile(path.join(root, file), 'utf8'));
    operations.push(...manifest.operations);
    problems.push(...manifest.problems);
  }
  return {
    operations,
    clientFiles: new Set(sources.map((source) => source.file)).size,
    manifests: manifestFiles.length,
    problems,
  };
}
