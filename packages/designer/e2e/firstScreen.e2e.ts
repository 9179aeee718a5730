/**
 * The first screen loads fast: monaco and the editors of other kinds are lazy, so the
 * designer's own bundle is all a page needs to show the shell and the lead form.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchBrowser, serveExample, type ServedApp } from './harness.js';

let browser: Browser;
let served: ServedApp;

beforeAll(async () => {
  browser = await launchBrowser();
  served = await serveExample('sales-crm');
});
afterAll(async () => {
  await browser?.close();
  await served?.stop();
});

it('given ruleloom serve, when the designer opens, then the form designer shows within 2 s and no monaco is loaded', async () => {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(request.url());
  });
  await page.goto(served.url);
  await page.getByTestId('form-designer').waitFor();
  const elapsed = await page.evaluate(() => performance.now());
  console.log(`first screen in ${Math.round(elapsed)} ms, ${scripts.length} scripts`);
  expect(elapsed).toBeLessThan(2000);
  expect(scripts.some((url) => /editor\.api|setupMonaco|JsonView/.test(url))).toBe(false);
  await page.close();
});
