// The page's features in real Chromium: opening and dropping every file format, the legend
// filter, quotes and entities panels, keyboard shortcuts, restoring a removed block, exports
// (download contents checked) and copy, print, and an axe-core accessibility scan.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root, screenshotPath, useSite } from './harness.mjs';

const site = useSite({ before, after });

const page1 = `<!doctype html><html><head><meta charset="utf-8"><title>Ports close | Example</title></head><body>
<nav><a href="/">Home</a> <a href="/w">World</a> <a href="/s">Sport</a></nav><article><h1>Ports close as storm hits</h1>
<p>The harbour authority of Rotterdam closed three terminals on Monday as winds reached record speeds, officials said.</p>
<p>“Safety comes first,” said Pieter Jansen, a spokesman for the authority. He added that ferries would wait.</p></article>
<footer>© 2026 Example News</footer></body></html>`;
const mhtml = 'From: <Saved by Blink>\r\nSnapshot-Content-Location: https://news.example.com/ports\r\nSubject: Ports\r\nMIME-Version: 1.0\r\n' +
  'Content-Type: multipart/related;\r\n\ttype="text/html";\r\n\tboundary="----B"\r\n\r\n------B\r\nContent-Type: text/html\r\n' +
  'Content-Transfer-Encoding: quoted-printable\r\nContent-Location: https://news.example.com/ports\r\n\r\n' +
  page1.replace(/=/g, '=3D') + '\r\n------B--\r\n';
const text = 'Ports close as storm hits\n\nThe harbour authority of Rotterdam closed three terminals on Monday as winds reached record speeds, officials said.\n\n“Safety comes first,” said Pieter Jansen, a spokesman. He added that ferries would wait.\n\nREAD MORE: STORM LIVE UPDATES';
const files = [
  ['ports.html', 'text/html', page1], ['ports.htm', 'text/html', page1], ['ports.mhtml', 'multipart/related', mhtml],
  ['ports.txt', 'text/plain', text], ['ports.md', 'text/markdown', '# Ports close as storm hits\n\n' + text.split('\n\n').slice(1).join('\n\n')],
];

async function open(opts = {}) {
  const context = await site.browser.newContext({ acceptDownloads: true, ...opts });
  const page = await context.newPage();
  await page.goto(site.server.url);
  await page.evaluate(() => window.annotator.ready);
  await page.waitForSelector('#article mark[data-label=QUOTE]');
  assert.equal(await page.$eval('#drop', (d) => getComputedStyle(d).display), 'none', 'no overlay at rest');
  return { context, page };
}

async function waitTitle(page, want) {
  await page.waitForFunction((w) => document.querySelector('#title').textContent.includes(w), want, { timeout: 15000 });
}

test('open and drop every file format', async () => {
  const { context, page } = await open();
  for (const [name, mimeType, body] of files) {
    await page.evaluate(() => { document.querySelector('#title').textContent = ''; });
    await page.setInputFiles('#file', { name, mimeType, buffer: Buffer.from(body) });
    await waitTitle(page, 'Ports close as storm hits');
    const article = await page.textContent('#article');
    assert.match(article, /closed three terminals/, name);
    assert.doesNotMatch(article, /World Sport|STORM LIVE|Example News/, name);
    assert.equal(await page.$eval('#article mark[data-label=QUOTE]', (m) => m.dataset.speaker), 'Pieter Jansen', name);
  }
  for (const [name, mimeType, body] of files) {
    await page.evaluate(() => { document.querySelector('#title').textContent = ''; });
    await page.evaluate(([name, mimeType, body]) => {
      const dt = new DataTransfer();
      dt.items.add(new File([body], name, { type: mimeType }));
      for (const type of ['dragenter', 'dragover', 'drop']) {
        document.body.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
      }
    }, [name, mimeType, body]);
    await waitTitle(page, 'Ports close as storm hits');
    assert.equal(await page.$eval('#drop', (d) => getComputedStyle(d).display), 'none', 'drop overlay hidden again');
  }
  await context.close();
});

test('legacy-encoded pages are decoded by the browser (windows-1252, Shift_JIS, EUC-KR)', async () => {
  const { context, page } = await open();
  const para = 'Owners in the harbour district said on Monday that trade had recovered after the storm closed three terminals, and that visitors were returning.';
  const pageIn = (charset, word) => Buffer.concat([
    Buffer.from(`<!doctype html><html><head><meta charset="${charset}"><title>Harbour trade recovers</title></head><body><article><h1>Harbour trade recovers</h1><p>`),
    word, Buffer.from(` ${para}</p><p>${para}</p></article></body></html>`),
  ]);
  const cases = [
    ['windows-1252', Buffer.from([0x93, 0x43, 0x61, 0x66, 0xe9, 0x94, 0x20, 0x80, 0x35]), '“Café” €5'],
    ['shift_jis', Buffer.from([0x93, 0x8c, 0x8b, 0x9e]), '東京'],
    ['euc-kr', Buffer.from([0xbc, 0xad, 0xbf, 0xef]), '서울'],
  ];
  for (const [charset, bytes, want] of cases) {
    await page.evaluate(() => { document.querySelector('#title').textContent = ''; });
    await page.setInputFiles('#file', { name: `${charset}.html`, mimeType: 'text/html', buffer: pageIn(charset, bytes) });
    await waitTitle(page, 'Harbour trade recovers');
    assert.match(await page.textContent('#article'), new RegExp(want.replace(/[$€]/g, '.')), charset);
  }
  await context.close();
});

test('legend filter, highlight switch, panels and keyboard', async () => {
  const { context, page } = await open();
  const bg = () => page.$eval('#article mark[data-label=PERSON]', (m) => getComputedStyle(m).backgroundColor);
  const before = await bg();
  await page.click('#legend .chip[data-label=PERSON]');
  assert.equal(await bg(), 'rgba(0, 0, 0, 0)');
  assert.equal(await page.$eval('#legend .chip[data-label=PERSON]', (c) => c.getAttribute('aria-pressed')), 'false');
  await page.click('#legend .chip[data-label=PERSON]');
  assert.equal(await bg(), before);
  // quotes panel: grouped by speaker, click jumps
  const groups = await page.$$eval('#quotes .speaker h4', (hs) => hs.map((h) => h.textContent));
  assert.ok(groups.some((g) => g.startsWith('Inês Carvalho 3')), `groups ${groups}`);
  await page.click('#quotes .quote-item');
  await page.waitForSelector('#article mark.flash');
  // entities panel: canonical names, click cycles through mentions
  const names = await page.$$eval('#entities .entity', (bs) => bs.map((b) => b.textContent));
  assert.ok(names.some((n) => n.startsWith('Inês Carvalho')), `names ${names}`);
  // the status line counts the names the panel lists (not every date and number marked)
  const status = await page.$eval('#status', (s) => s.textContent);
  assert.match(status, new RegExp(`, ${names.length} names?, `), `status ${status}, ${names.length} names listed`);
  const carvalho = page.locator('#entities .entity', { hasText: 'Inês Carvalho' });
  await carvalho.click();
  const first = await page.$eval('#article mark.flash', (m) => m.dataset.e);
  await carvalho.click();
  await page.waitForFunction((f) => { const m = document.querySelector('#article mark.flash'); return m && m.dataset.e !== f; }, first);
  // keyboard: j focuses the next quote, h toggles highlights, ? opens help
  await page.focus('body');
  await page.keyboard.press('j');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.label), 'QUOTE');
  await page.keyboard.press('j');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.q), '1');
  await page.keyboard.press('h');
  assert.ok(await page.$eval('#article', (a) => a.classList.contains('plain')));
  await page.keyboard.press('h');
  await page.keyboard.press('?');
  assert.ok(await page.$eval('#help', (d) => d.open));
  await page.screenshot({ path: screenshotPath('help'), fullPage: false });
  await page.keyboard.press('Escape');
  assert.ok(!(await page.$eval('#help', (d) => d.open)));
  await context.close();
});

test('a removed block can be restored in place', async () => {
  const { context, page } = await open();
  const before = await page.textContent('#article');
  assert.doesNotMatch(before, /FIVE CITIES BETTING BIG/);
  const item = page.locator('#removed li', { hasText: 'FIVE CITIES' });
  await item.locator('summary').click();
  await item.locator('button.restore').click();
  const restored = await page.$eval('#article .restored', (p) => ({ text: p.textContent, prev: p.previousElementSibling.textContent }));
  assert.match(restored.text, /FIVE CITIES BETTING BIG/);
  assert.match(restored.prev, /Portuguese Environment Agency/, 'back where it was, after the paragraph it followed');
  await context.close();
});

test('a page whose article is hard to find says so, and one click shows everything removed', async () => {
  const { context, page } = await open();
  const hidden = `<!doctype html><html><head><meta charset="utf-8"><title>Council vote</title></head><body>
<nav><a href="/">Home</a> <a href="/c">City</a></nav><h1>Council votes to rebuild the harbour</h1><div class="related-box">
${Array.from({ length: 8 }, (_, i) => `The council of Porto voted on Monday to rebuild the old harbour wall, line ${i + 1} of the story, which runs long enough to count as an article and says what was decided.<br>`).join('\n')}
</div><footer>© 2026 City Paper</footer></body></html>`;
  await page.setInputFiles('#file', { name: 'council.html', mimeType: 'text/html', buffer: Buffer.from(hidden) });
  await waitTitle(page, 'Council votes to rebuild the harbour');
  assert.match(await page.textContent('#article'), /line 8 of the story/, 'the safety net kept the article');
  await page.waitForSelector('#warning:not([hidden])');
  assert.match(await page.textContent('#warning-text'), /hard to find/);
  const removedBefore = await page.$$eval('#removed li', (li) => li.length);
  assert.ok(removedBefore > 0, 'something was removed');
  await page.$eval('#warning', (w) => w.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: screenshotPath('warning') });
  await page.click('#show-all-removed');
  assert.equal(await page.$$eval('#article p.restored', (p) => p.length), removedBefore, 'every removed block is back in the article');
  assert.ok(await page.$eval('#show-all-removed', (b) => b.disabled));
  assert.match(await page.textContent('#removed'), /Removed by the rule extract\//);
  await context.close();
});

test('exports download and copy the article', async () => {
  const { context, page } = await open();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(site.server.url).origin });
  const download = async (format) => {
    const [d] = await Promise.all([page.waitForEvent('download'), page.click(`[data-export=${format}][data-action=download]`)]);
    return { name: d.suggestedFilename(), body: readFileSync(await d.path(), 'utf8') };
  };
  const md = await download('md');
  assert.match(md.name, /\.md$/);
  assert.match(md.body, /^# Lisbon approves floating solar farm/);
  assert.match(md.body, /> This is the moment Lisbon stops talking/);
  assert.match(md.body, /> — Inês Carvalho/);
  const json = await download('json');
  const r = JSON.parse(json.body);
  assert.ok(r.quotes.length >= 8 && r.entities.length > 10 && 'removed' in r);
  const html = await download('html');
  assert.match(html.body, /^<!doctype html>/);
  assert.match(html.body, /<mark data-label="QUOTE"/);
  assert.doesNotMatch(html.body, /<script/i);
  await page.click('[data-export=md][data-action=copy]');
  await page.waitForFunction(() => /Copied/.test(document.querySelector('#status').textContent));
  assert.match(await page.evaluate(() => navigator.clipboard.readText()), /> — Inês Carvalho/);
  await context.close();
});

test('print shows the clean article with a quotes appendix', async () => {
  const { context, page } = await open();
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.$eval('#side', (s) => getComputedStyle(s).display), 'none');
  assert.equal(await page.$eval('.bar', (s) => getComputedStyle(s).display), 'none');
  assert.equal(await page.$eval('#print-quotes', (s) => getComputedStyle(s).display), 'block');
  assert.match(await page.textContent('#print-quotes'), /— Inês Carvalho/);
  await page.pdf({ path: screenshotPath('print').replace(/\.png$/, '.pdf') });
  await context.close();
});

test('axe-core finds no serious accessibility violations, light and dark, on a phone too', async () => {
  const axe = readFileSync(join(root, 'e2e', 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
  for (const opts of [{ colorScheme: 'light' }, { colorScheme: 'dark' }, { colorScheme: 'light', viewport: { width: 390, height: 844 } }]) {
    const { context, page } = await open(opts);
    await page.evaluate(axe); // evaluated from the test, outside the page's CSP
    const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
    const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    assert.deepEqual(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 4).join(', ')})`), [],
      JSON.stringify(opts));
    if (opts.viewport) await page.screenshot({ path: screenshotPath('phone'), fullPage: true });
    await context.close();
  }
});
