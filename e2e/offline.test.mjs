// The offline single file, opened from disk (file://) with every network request blocked:
// it starts, annotates a pasted article, and gives the same result as the served page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { root, screenshotPath, paste, seeds, shotsDir, useSite } from './harness.mjs';

const site = useSite({ before, after });

const article = 'Lisbon opens its first car-free district\n\nMayor Inês Carvalho opened the district on Tuesday. “Streets are for people,” she said.\n\nThe Tagus Fishermen\'s Association welcomed the plan, which cost €12 million.';

test('the single file works from disk with the network off, like the served page', async () => {
  const file = join(root, 'dist', 'attest.html');
  assert.ok(existsSync(file), 'dist/attest.html is missing: run ./build.sh');
  const context = await site.browser.newContext();
  await context.setOffline(true);
  const outside = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:') || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    outside.push(url);
    return route.abort();
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  const started = Date.now();
  await page.goto(pathToFileURL(file).href);
  await page.evaluate(() => window.annotator.ready);
  const readyMs = Date.now() - started;
  await page.waitForSelector('#article mark[data-label=QUOTE]'); // the embedded sample
  await paste(page, { 'text/plain': article });
  await page.waitForFunction(() => document.querySelector('#title').textContent.includes('car-free'));
  const speaker = await page.$eval('#article mark[data-label=QUOTE]', (m) => m.dataset.speaker);
  assert.equal(speaker, 'Inês Carvalho');
  assert.ok(await page.$eval('#install', (s) => s.hidden), 'no bookmarklet from file://');
  await page.screenshot({ path: screenshotPath('offline'), fullPage: true });

  // the same inputs give the same results as the served page
  const inputs = [article, ...seeds().map((s) => s.text)];
  const offline = await page.evaluate(async (inputs) => Promise.all(inputs.map((i) => window.annotator.annotate(i, { in: 'auto' }))), inputs);
  const served = await site.browser.newPage();
  await served.goto(site.server.url);
  await served.evaluate(() => window.annotator.ready);
  const online = await served.evaluate(async (inputs) => Promise.all(inputs.map((i) => window.annotator.annotate(i, { in: 'auto' }))), inputs);
  assert.deepEqual(offline, online);
  await served.close();

  assert.deepEqual(outside, [], 'no request left the machine');
  assert.deepEqual(errors, []);
  mkdirSync(shotsDir, { recursive: true });
  writeFileSync(join(shotsDir, 'offline-figures.json'), JSON.stringify({ offlineReadyMs: readyMs }));
  console.log(`offline file: engine ready ${readyMs} ms after navigation`);
  await context.close();
});
