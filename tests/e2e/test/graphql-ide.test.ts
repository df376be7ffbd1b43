import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { waitFor } from '@shop/testkit';
import { launchBrowser, screenshots } from '../src/browser.js';
import { createCategory, createProduct } from '../src/catalog-operations.js';
import { startShop, type ShopUnderTest } from '../src/shop-under-test.js';
import { describeInChromium } from '../src/shop-with-apps.js';

const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
/** README's example query, as a newcomer copies it: the first `graphql` block… */
const readmeQuery = readme.match(/```graphql\n([\s\S]*?)```/)?.[1];
/** …and the `curl` command that sends it, next to it. */
const readmeCurl = readme.match(/```sh\n(curl [\s\S]*?)```/)?.[1];
const readmeRouterUrl = 'http://127.0.0.1:4000/graphql';

interface ProductsAnswer {
  data?: { products: { totalCount: number; nodes: { name: string }[] } };
}

describeInChromium('README’s example query', ({ env }) => {
  let shop: ShopUnderTest;
  let browser: Browser;

  beforeAll(async () => {
    expect(readmeQuery, 'README has a ```graphql example').toBeDefined();
    expect(readmeCurl, 'README has a curl command for it').toContain(readmeRouterUrl);
    shop = await startShop(env);
    browser = await launchBrowser();
    // Something for the example to find, in stock.
    const admin = (query: string, variables: Record<string, unknown>) =>
      shop.call(query, variables, shop.adminToken);
    const category = await admin(createCategory, {
      input: { name: '티셔츠', slug: `tees-${shop.runId}` },
    });
    const product = await admin(createProduct, {
      input: {
        name: `코튼 반팔 티셔츠 ${shop.runId}`,
        categoryId: category.data!.createCategory.id,
        status: 'ACTIVE',
        basePrice: 15_000,
        initialStock: 5,
      },
    });
    expect(product.data?.createProduct?.__typename, JSON.stringify(product)).toBe('Product');
    await waitFor('the catalogue to find the example’s product', async () => {
      const answer = (await shop.call(readmeQuery!)) as ProductsAnswer;
      return (answer.data?.products.totalCount ?? 0) > 0;
    });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await shop?.stop();
  });

  it('runs in the GraphQL IDE on /graphql, which shows its result and loads nothing from elsewhere', async () => {
    const origin = new URL(shop.router.url).origin;
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    const elsewhere: string[] = [];
    context.on('request', (request) => {
      if (!/^(data|blob):/.test(request.url()) && new URL(request.url()).origin !== origin)
        elsewhere.push(request.url());
    });
    // The start of each refusal: a refused data: URL would fill the report.
    const refused: string[] = [];
    context.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text()))
        refused.push(message.text().slice(0, 200));
    });
    const page = await context.newPage();
    await page.goto(shop.router.url);

    const editor = page.locator('.graphiql-query-editor .monaco-editor').first();
    await editor.waitFor();
    await editor.click();
    // Pasted, as a newcomer copies it: typed, the editor would close and indent every bracket again.
    await page.evaluate((text) => navigator.clipboard.writeText(text), readmeQuery!);
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('ControlOrMeta+V');

    const answered = page.waitForResponse(
      (response) =>
        response.url() === shop.router.url &&
        response.request().postData()?.includes('inStockOnly') === true,
    );
    await page.getByRole('button', { name: /execute query/i }).click();
    const answer = (await (await answered).json()) as ProductsAnswer;
    expect(answer.data, JSON.stringify(answer)).toBeDefined();
    const products = answer.data!.products;
    expect(products.totalCount).toBeGreaterThan(0);
    expect(products.nodes[0]!.name).toContain('반팔');

    // The result pane shows what the router answered.
    const result = page.locator('.result-window');
    await result.getByText('"totalCount"').waitFor();
    await result.getByText(products.nodes[0]!.name).first().waitFor();
    await screenshots('graphql-ide')(page, 'readme-query');

    expect(elsewhere).toEqual([]);
    expect(refused).toEqual([]);
  });

  it.skipIf(!existsSync('/usr/bin/curl'))('runs with README’s curl command', async () => {
    const command = readmeCurl!.replace(readmeRouterUrl, shop.router.url);
    // Not execFileSync: the router answering curl runs in this very process.
    const { stdout } = await promisify(execFile)('sh', ['-c', command]);
    const answer = JSON.parse(stdout);
    expect(answer.errors).toBeUndefined();
    expect((answer as ProductsAnswer).data!.products.totalCount).toBeGreaterThan(0);
  });
});
