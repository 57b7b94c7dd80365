// The page in real headless Chromium: engine start-up, the sample article, pasting seeds and
// HTML through real paste events, the JS API's UTF-16 offsets, and no request off the origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { screenshotPath, seeds, paste, useSite } from './harness.mjs';

const site = useSite({ before, after });

// openPage loads the site, records every request and script-visible side effect.
async function openPage(opts = {}) {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: opts.colorScheme || 'light' });
  const page = await context.newPage();
  const requests = [];
  const errors = [];
  page.on('request', (req) => requests.push(req.url()));
  page.on('pageerror', (err) => errors.push(String(err)));
  page.on('console', (msg) => { if (msg.type() === 'error') errors.push(msg.text()); });
  await page.goto(site.server.url);
  await page.evaluate(() => window.annotator.ready);
  return { page, context, requests, errors };
}

test('the page starts with the sample article annotated', async () => {
  const { page, context, requests, errors } = await openPage();
  await page.waitForSelector('#article mark[data-label=QUOTE]');
  const title = await page.textContent('#title');
  assert.match(title, /Lisbon approves floating solar farm/);
  const speakers = await page.$$eval('#article mark[data-label=QUOTE]', (ms) => ms.map((m) => m.dataset.speaker));
  assert.ok(speakers.includes('Inês Carvalho'), `speakers: ${speakers}`);
  assert.ok(speakers.includes('Sofia Nunes'), `speakers: ${speakers}`);
  const people = await page.$$eval('#article mark[data-label=PERSON]', (ms) => ms.map((m) => m.dataset.canonical));
  assert.ok(people.includes('João Almeida'));
  // "Carvalho" alone is linked to her full name
  assert.ok(await page.$('#article mark[data-label=PERSON][data-canonical="Inês Carvalho"]'));
  const article = await page.textContent('#article');
  assert.ok(!article.includes('Share this article'), 'share prompt removed');
  assert.ok(!article.includes('FIVE CITIES BETTING BIG'), 'promo removed');
  const removed = await page.$$eval('#removed li', (ls) => ls.map((l) => l.textContent));
  assert.ok(removed.some((t) => t.includes('Related stories') && t.includes('You May Also Like')), `removed: ${removed}`);
  const legend = await page.$$eval('#legend .chip', (cs) => cs.map((c) => c.dataset.label));
  assert.ok(legend.includes('QUOTE') && legend.includes('PERSON') && legend.includes('GPE'), `legend: ${legend}`);
  await page.screenshot({ path: screenshotPath('sample'), fullPage: true });
  const origin = new URL(site.server.url).origin;
  assert.deepEqual(requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:')), [], 'no request leaves the origin');
  assert.deepEqual(errors, []);
  await context.close();
});

test('pasting each seed as text/plain shows its quotes and speakers', async (t) => {
  const all = seeds();
  if (all.length === 0) { t.skip('../shared/fixtures/seeds is absent'); return; }
  const { page, context, errors } = await openPage();
  await page.waitForSelector('#article mark');
  for (const seed of all) {
    await paste(page, { 'text/plain': seed.text });
    const want = seed.gold.keep[0];
    await page.waitForFunction((s) => document.querySelector('#article').textContent.replace(/\s+/g, ' ').includes(s), want);
    const article = (await page.textContent('#article')).replace(/\s+/g, ' ');
    for (const k of seed.gold.keep) assert.ok(article.includes(k.replace(/\s+/g, ' ')), `${seed.name}: keeps "${k}"`);
    const speakers = new Set(await page.$$eval('#article mark[data-label=QUOTE]', (ms) => ms.map((m) => m.dataset.speaker)));
    for (const q of seed.gold.quotes) assert.ok(speakers.has(q.speaker) || [...speakers].some((s) => s && s.split(' ').pop() === q.speaker.split(' ').pop()), `${seed.name}: speaker ${q.speaker}`);
    if (seed.name.startsWith('000')) await page.screenshot({ path: screenshotPath('seed-000'), fullPage: true });
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('pasting a page as text/html keeps the article, drops the rest, runs no script', async () => {
  const { page, context, errors } = await openPage();
  await page.waitForSelector('#article mark');
  await page.evaluate(() => { window.__fired = []; window.alert = (m) => window.__fired.push('alert:' + m); });
  const html = `<html><body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
    <article><h1>Harbour plan approved</h1>
    <p>The port authority of Rotterdam approved the plan on Monday, officials said, after months of debate among residents.</p>
    <p>“We will start in June,” said Director Anna de Vries. <img src=x onerror="alert(1)"> She added that the work would take two years.</p>
    <script>alert('script')</script><p onclick="alert(2)">Residents will be consulted again next year, according to the city’s planning office.</p></article>
    <aside class="related"><h3>Related stories</h3><a href="/a">Another story</a></aside><footer>© 2026 Example News</footer></body></html>`;
  await paste(page, { 'text/html': html, 'text/plain': 'Harbour plan approved' });
  await page.waitForFunction(() => document.querySelector('#title').textContent.includes('Harbour plan approved'));
  const article = await page.textContent('#article');
  assert.match(article, /port authority of Rotterdam/);
  assert.doesNotMatch(article, /Another story|Example News|World/);
  assert.equal(await page.$$eval('#article [onclick], #article script, #article img[onerror]', (n) => n.length), 0);
  const speaker = await page.$eval('#article mark[data-label=QUOTE]', (m) => m.dataset.speaker);
  assert.equal(speaker, 'Anna de Vries');
  await page.waitForTimeout(200);
  assert.deepEqual(await page.evaluate(() => window.__fired), []);
  assert.deepEqual(errors.filter((e) => !/Content Security Policy|Failed to load resource/.test(e)), []);
  await context.close();
});

test('the JS API returns UTF-16 offsets that slice to each span', async (t) => {
  const { page, context } = await openPage();
  const inputs = seeds().map((s) => s.text);
  inputs.push('Mayor Inês Carvalho 😀 said: “Ünïcödé 𝔴𝔬𝔯𝔡𝔰 matter,” in Lisbon on Tuesday.');
  const bad = await page.evaluate(async (inputs) => {
    const problems = [];
    for (const input of inputs) {
      const r = await window.annotator.annotate(input, { in: 'text' });
      for (const s of [...r.quotes, ...r.entities]) {
        if (r.text.slice(s.start, s.end) !== s.text) problems.push(`${s.text} != ${r.text.slice(s.start, s.end)}`);
      }
    }
    return problems;
  }, inputs);
  assert.deepEqual(bad, []);
  const err = await page.evaluate(() => window.annotator.annotate('   ', {}).then(() => 'resolved', (e) => e.message));
  assert.match(err, /empty/);
  await context.close();
});

test('dark mode follows the system', async () => {
  const { page, context } = await openPage({ colorScheme: 'dark' });
  await page.waitForSelector('#article mark[data-label=QUOTE]');
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.equal(bg, 'rgb(23, 24, 27)');
  await page.screenshot({ path: screenshotPath('sample-dark'), fullPage: true });
  await context.close();
});
