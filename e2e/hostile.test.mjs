// Hostile input pasted into the real page: no script runs (alert/confirm/prompt and console are
// hooked), nothing reaches a network canary on loopback until the person allows images, and
// huge or deeply nested input neither hangs nor crashes the page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root, startServer, launch, paste, freePort, screenshotPath } from './harness.mjs';

let server, browser, canary;
const hits = [];

before(async () => {
  server = await startServer();
  browser = await launch();
  const port = await freePort();
  const srv = createServer((req, res) => { hits.push(req.url); res.writeHead(200, { 'Content-Type': 'image/gif' }); res.end(); });
  await new Promise((r) => srv.listen(port, '127.0.0.1', r));
  canary = { url: `http://127.0.0.1:${port}`, close: () => srv.close() };
});
after(async () => {
  await browser?.close();
  server?.stop();
  canary?.close();
});

// the same table as the Go engine test; {{CANARY}} becomes the canary's address
const vectors = (C) => JSON.parse(readFileSync(join(root, 'annotate', 'testdata', 'xss-vectors.json'), 'utf8'))
  .map((v) => v.replaceAll('{{CANARY}}', C));

test('no hostile vector runs script or reaches the network', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const consoleMessages = [];
  page.on('console', (m) => consoleMessages.push(`${m.type()}: ${m.text()}`));
  page.on('dialog', (d) => { consoleMessages.push('dialog: ' + d.message()); d.dismiss(); });
  await page.goto(server.url);
  await page.evaluate(() => window.annotator.ready);
  await page.waitForSelector('#article mark');
  await page.evaluate(() => {
    window.__calls = [];
    for (const f of ['alert', 'confirm', 'prompt', 'print', 'open']) window[f] = (...a) => window.__calls.push(f + ':' + a.join(','));
    for (const f of ['log', 'warn', 'error', 'info', 'debug']) console[f] = (...a) => window.__calls.push('console.' + f + ':' + a.join(','));
  });
  let n = 0;
  for (const v of vectors(canary.url)) {
    n++;
    const html = `<article><h1>Vector ${n}</h1><p>The council of Lisbon approved the plan on Monday, officials said in a statement.</p>` +
      `<p>Before ${v} after the vector.</p><p>“It is done,” said Mayor Inês Carvalho.</p></article>`;
    for (const data of [{ 'text/html': html }, { 'text/plain': html }]) {
      await paste(page, data);
      await page.waitForFunction((n) => document.querySelector('#status').textContent.includes(' quote') &&
        (document.querySelector('#title').textContent.includes('Vector ' + n) || document.querySelector('#article').textContent.includes('Vector ' + n)), n);
      await page.waitForTimeout(50);
    }
  }
  await page.waitForTimeout(500);
  assert.deepEqual(await page.evaluate(() => window.__calls), [], 'a hooked function was called');
  assert.deepEqual(consoleMessages, [], 'the console stayed silent');
  assert.deepEqual(hits, [], 'the canary was reached');
  // with images allowed, the article's own picture loads, and nothing else
  await paste(page, { 'text/html': `<article><h1>Pixel</h1><p>The council approved the plan on Monday after a long debate, officials said.</p><figure><img src="${canary.url}/allowed.gif" alt="chart"><figcaption>A chart.</figcaption></figure></article>` });
  await page.waitForFunction(() => document.querySelector('#title').textContent === 'Pixel');
  assert.deepEqual(hits, []);
  await page.click('#images-btn');
  for (let i = 0; i < 50 && hits.length === 0; i++) await page.waitForTimeout(100);
  assert.deepEqual(hits, ['/allowed.gif']);
  await context.close();
});

test('huge and deeply nested input: a clear message or a result, and the page stays alive', async () => {
  const page = await browser.newPage();
  await page.goto(server.url);
  await page.evaluate(() => window.annotator.ready);
  const deep = '<div>'.repeat(100000) + 'deep text survives' + '</div>'.repeat(100000);
  let r = await page.evaluate((s) => window.annotator.annotate(s, { in: 'html' }).then((r) => r.text), deep);
  assert.match(r, /deep text survives/);
  const line = 'word salad '.repeat(900000); // a single 10 MB line
  const started = Date.now();
  r = await page.evaluate((s) => window.annotator.annotate(s, { in: 'text' }).then((r) => r.text.length), line);
  console.log(`10 MB single line annotated in the page in ${Date.now() - started} ms`);
  assert.ok(r > 0);
  const tooBig = await page.evaluate(() => window.annotator.annotate('x'.repeat(25 * 1024 * 1024), {}).then(() => 'resolved', (e) => e.message));
  assert.match(tooBig, /too large/);
  const bin = await page.evaluate(() => window.annotator.annotate(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0, 1, 2, 3]), {}).then(() => 'resolved', (e) => e.message));
  assert.match(bin, /not text/);
  // the page still works afterwards
  await paste(page, { 'text/plain': 'Mayor Inês Carvalho spoke on Tuesday. “We are fine,” she said.' });
  await page.waitForFunction(() => document.querySelector('#article').textContent.includes('We are fine'));
  await page.screenshot({ path: screenshotPath('after-hostile'), fullPage: true });
  await page.close();
});
