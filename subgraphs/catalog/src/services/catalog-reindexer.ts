import type { ProductSnapshot } from '@shop/contracts';
import type { Logger } from '@shop/kit';
import type { Orm } from '@shop/kit/db';
import type { InternalClient } from '@shop/kit/internal-http';
import { ReindexRun } from '../domain/reindex-run.entity.js';
import type { SearchIndex } from '../search/index.js';
import type { ListingCache } from './listing-cache.js';

interface SnapshotPage {
  snapshots: ProductSnapshot[];
  nextAfter: string | null;
  total: number;
}

/** A run's error when the service stopped under it. */
export const reindexStopped = 'stopped with the service';

export type StartOutcome =
  { kind: 'started'; run: ReindexRun } | { kind: 'already-running'; run: ReindexRun };

/**
 * Rebuilds the search index from product's data behind the alias: pages of snapshots go into a
 * new index while searches keep reading the old one, then the alias swaps in one step. One run at
 * a time per process; its progress is a ReindexRun row.
 */
export class CatalogReindexer {
  private current: Promise<void> | undefined;

  constructor(
    private readonly deps: {
      orm: Orm;
      index: SearchIndex;
      listings: ListingCache;
      product: InternalClient;
      pageSize: number;
      logger: Logger;
      /** The service is stopping: the run under way ends at its next page. */
      stopping: AbortSignal;
    },
  ) {}

  async start(): Promise<StartOutcome> {
    const em = this.deps.orm.em.fork();
    const running = await em.findOne(ReindexRun, { state: 'RUNNING' }, { orderBy: { id: 'desc' } });
    if (running && this.current) return { kind: 'already-running', run: running };
    // A RUNNING row without a run in this process was cut off by a restart.
    if (running) await this.finish(running.id, 'FAILED', 'interrupted by a restart');
    const run = em.create(ReindexRun, {});
    await em.persist(run).flush();
    this.current = this.rebuild(run.id).finally(() => (this.current = undefined));
    return { kind: 'started', run };
  }

  /** Resolves when the run in progress (if any) has ended. */
  async settled(): Promise<void> {
    await this.current;
  }

  async latest(): Promise<ReindexRun | null> {
    const [run] = await this.deps.orm.em
      .fork()
      .find(ReindexRun, {}, { orderBy: { id: 'desc' }, limit: 1 });
    return run ?? null;
  }

  private async rebuild(runId: number): Promise<void> {
    const { index, product, pageSize, logger, stopping } = this.deps;
    const rebuild = await index.beginRebuild();
    try {
      let after: string | null = null;
      let indexed = 0;
      do {
        stopping.throwIfAborted();
        const query = new URLSearchParams({ limit: String(pageSize), ...(after ? { after } : {}) });
        const page: SnapshotPage = await product.get(`/internal/product-snapshots?${query}`);
        await rebuild.write(page.snapshots);
        indexed += page.snapshots.length;
        after = page.nextAfter;
        await this.deps.orm.em
          .fork()
          .nativeUpdate(ReindexRun, { id: runId }, { indexed, total: page.total });
        logger.info({ runId, indexed, total: page.total }, 'reindex progress');
      } while (after);
      await rebuild.complete();
      await this.deps.listings.invalidate();
      await this.finish(runId, 'DONE', null);
      logger.info({ runId, indexed }, 'reindex done: alias swapped');
    } catch (error) {
      await rebuild.abort().catch(() => {});
      // Stopping, a page's call may fail only because product is stopping beside catalog.
      if (stopping.aborted) {
        await this.finish(runId, 'FAILED', reindexStopped);
        logger.info({ runId }, 'reindex stopped with the service; searches use the previous index');
        return;
      }
      const message = error instanceof Error ? error.message : String(error);
      await this.finish(runId, 'FAILED', message);
      logger.error({ err: error, runId }, 'reindex failed; searches still use the previous index');
    }
  }

  private async finish(runId: number, state: 'DONE' | 'FAILED', error: string | null) {
    await this.deps.orm.em
      .fork()
      .nativeUpdate(ReindexRun, { id: runId }, { state, error, finishedAt: new Date() });
  }
}
