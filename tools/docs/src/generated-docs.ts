import { readFile } from 'node:fs/promises';
import path from 'node:path';
import * as contracts from '@shop/contracts';
import type { EventContract } from '@shop/contracts';
import { format, resolveConfig } from 'prettier';
import { z } from 'zod';
import { subgraphs } from '../../../scripts/subgraphs.js';
import { architectureDiagram } from './architecture-diagram.js';
import { eventCatalogue } from './event-catalogue.js';
import { eventsPage } from './events-page.js';
import { withGeneratedSection } from './readme-section.js';
import { generatedFiles, repoRoot } from './repo.js';

export interface GeneratedFile {
  /** Relative to the repository's root. */
  file: string;
  text: string;
}

/** Every export of the contracts that is an event: found, not listed, so none is left out. */
const eventContracts = Object.values<unknown>(contracts).filter(
  (value): value is EventContract =>
    typeof value === 'object' &&
    value !== null &&
    'type' in value &&
    'topic' in value &&
    'data' in value &&
    value.data instanceof z.ZodType,
);

/** What `pnpm docs:generate` writes, from the code as it is now; README keeps all but its diagram. */
export async function generatedDocs(): Promise<GeneratedFile[]> {
  const catalogue = eventCatalogue(subgraphs, eventContracts);
  const diagram = architectureDiagram(
    subgraphs.map((service) => service.name),
    catalogue,
  );
  const readme = await readFile(path.join(repoRoot, generatedFiles.readme), 'utf8');
  return Promise.all([
    formatted(generatedFiles.events, eventsPage(catalogue)),
    formatted(generatedFiles.readme, withGeneratedSection(readme, diagram)),
  ]);
}

/** As `pnpm lint` (prettier --check) wants it, so writing never breaks lint. */
async function formatted(file: string, text: string): Promise<GeneratedFile> {
  const filepath = path.join(repoRoot, file);
  const config = await resolveConfig(filepath);
  return { file, text: await format(text, { ...config, filepath }) };
}
