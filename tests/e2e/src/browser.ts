import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';

/** Debian's Chromium (scripts/install-system-packages.sh); never a browser download. */
export const chromiumPath = process.env.SHOP_CHROMIUM ?? '/usr/bin/chromium';
export const browserAvailable = existsSync(chromiumPath);

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    // This machine has no internet: without these, Chromium keeps trying to reach Google.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Numbered screenshots of a run's steps, kept as test artefacts (tests/e2e/artifacts/…). */
export function screenshots(run: string) {
  const dir = fileURLToPath(new URL(`../artifacts/storefront/${run}/`, import.meta.url));
  mkdirSync(dir, { recursive: true });
  let step = 0;
  return async (page: Page, name: string) => {
    step += 1;
    // A full-page capture resizes the viewport, and Chromium answers a resize by scrolling the
    // focused field back into view a moment later, moving the page under the test's next click.
    // So it is taken with nothing focused, and the focus is given back without scrolling.
    const focused = await page.evaluateHandle(() => document.activeElement as HTMLElement | null);
    await focused.evaluate((element) => element?.blur());
    await page.screenshot({
      path: join(dir, `${String(step).padStart(2, '0')}-${name}.png`),
      fullPage: true,
    });
    await focused.evaluate((element) => element?.focus({ preventScroll: true }));
    await focused.dispose();
  };
}

/** axe-core's serious and critical WCAG 2 A/AA violations on the page as it is now. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`,
    );
}

/**
 * Waits for `expected` to show; if the page shows an error instead, fails at once with its words,
 * so a failure says what the shopper read rather than only that something did not appear.
 */
export async function appearsWithoutAlert(page: Page, expected: Locator): Promise<void> {
  const alert = page.getByRole('alert').filter({ hasText: /\S/ });
  await expected.or(alert).first().waitFor();
  const said = await alert.allTextContents();
  if (said.length > 0) throw new Error(`the page shows an error instead: ${said.join(' | ')}`);
}
