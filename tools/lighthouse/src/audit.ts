import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

export const categories = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type Category = (typeof categories)[number];

export interface PageAudit {
  /** Each category's score, 0–100. */
  scores: Record<Category, number>;
  lcpMs: number;
  /**
   * How fast this machine ran Lighthouse's CPU benchmark during the run. The mobile profile
   * slows the CPU down 4 times from there; a busy machine (or one under 1000) scores lower.
   */
  benchmarkIndex: number;
  /** Lighthouse's report (JSON), for a look at what holds a score down. */
  report: string;
}

/** Debian's Chromium unless CHROME_PATH names another; never a downloaded browser. */
const chromePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';

/**
 * Lighthouse with its default settings (the mobile profile: a mid-range phone on a slow 4G,
 * simulated) on each URL, `runs` times; a page's figures are those of its median run by
 * performance score, as one run varies with what else the machine does.
 */
export async function auditPages(urls: string[], runs: number): Promise<PageAudit[]> {
  const chrome = await chromeLauncher.launch({
    chromePath,
    chromeFlags: ['--headless=new', '--no-sandbox'],
  });
  try {
    const audits: PageAudit[] = [];
    for (const url of urls) {
      const attempts: PageAudit[] = [];
      for (let run = 0; run < runs; run++) {
        const result = await lighthouse(url, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: [...categories],
        });
        if (!result) throw new Error(`Lighthouse gave no result for ${url}`);
        const { lhr } = result;
        if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.message}`);
        attempts.push({
          scores: Object.fromEntries(
            categories.map((category) => [
              category,
              Math.round((lhr.categories[category]?.score ?? 0) * 100),
            ]),
          ) as Record<Category, number>,
          lcpMs: lhr.audits['largest-contentful-paint']?.numericValue ?? Number.NaN,
          benchmarkIndex: lhr.environment.benchmarkIndex,
          report: result.report as string,
        });
      }
      attempts.sort((a, b) => a.scores.performance - b.scores.performance);
      audits.push(attempts[Math.floor(attempts.length / 2)]!);
    }
    return audits;
  } finally {
    chrome.kill();
  }
}
