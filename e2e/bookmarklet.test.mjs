// The bookmarklet in real Chromium against two local news sites on other loopback ports: a plain
// one, and a strict one (CSP script-src 'self', Trusted Types, COOP same-origin) where the window
// link breaks and the clipboard fallback takes over. Forged hand-over messages are ignored.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { startServer, launch, screenshotPath, freePort } from './harness.mjs';

let annotator, browser, plain, strict, code;

const newsPage = (name) => `<!doctype html><html><head><meta charset="utf-8"><title>${name}: Harbour plan approved</title></head><body>
<header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav></header>
<main><article><h1>Harbour plan approved</h1>
<p>The port authority of <a href="/tags/rotterdam">Rotterdam</a> approved the harbour plan on Monday after months of debate among residents and shipping firms.</p>
<figure><img src="/img/harbour.jpg" alt="The harbour"><figcaption>The harbour at dawn.</figcaption></figure>
<p>“We will start in June,” said Director Anna de Vries. She added that the work would take two years and cost €40 million.</p>
<p>Residents will be consulted again next year, according to the city’s planning office, which published the plan online.</p>
</article><aside class="related"><h3>Related stories</h3><a href="/a">Another story</a></aside></main>
<footer>© 2026 ${name}</footer></body></html>`;

function site(name, headers) {
  const srv = createServer((req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', ...headers });
    res.end(newsPage(name));
  });
  return new Promise(async (resolve) => {
    const port = await freePort();
    srv.listen(port, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${port}/news/harbour.html`, origin: `http://127.0.0.1:${port}`, close: () => srv.close() }));
  });
}

before(async () => {
  annotator = await startServer();
  browser = await launch();
  plain = await site('Plain Daily', {});
  strict = await site('Strict Times', {
    'Content-Security-Policy': "default-src 'self'; script-src 'self'; require-trusted-types-for 'script'; object-src 'none'",
    'Cross-Origin-Opener-Policy': 'same-origin',
  });
  const page = await browser.newPage();
  await page.goto(annotator.url);
  const href = await page.$eval('#bookmarklet', (a) => a.getAttribute('href'));
  await page.close();
  assert.match(href, /^javascript:/);
  code = decodeURIComponent(href.slice('javascript:'.length));
});

after(async () => {
  await browser?.close();
  annotator?.stop();
  plain?.close();
  strict?.close();
});

// click runs the bookmarklet the way a bookmark click does: in the page's main world, outside its
// CSP, with a user gesture.
async function click(context, page) {
  const cdp = await context.newCDPSession(page);
  const res = await cdp.send('Runtime.evaluate', { expression: code, userGesture: true });
  assert.equal(res.exceptionDetails, undefined, JSON.stringify(res.exceptionDetails));
}

test('on a plain site the page is handed over and annotated, links made absolute', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(plain.url);
  const popupPromise = context.waitForEvent('page');
  await click(context, page);
  const popup = await popupPromise;
  await popup.waitForFunction(() => document.querySelector('#title').textContent.includes('Harbour plan approved'), null, { timeout: 15000 });
  const article = await popup.textContent('#article');
  assert.match(article, /port authority of Rotterdam/);
  assert.doesNotMatch(article, /Another story|World Sport/);
  assert.equal(await popup.$eval('#article mark[data-label=QUOTE]', (m) => m.dataset.speaker), 'Anna de Vries');
  assert.equal(await popup.$eval('#article a', (a) => a.getAttribute('href')), plain.origin + '/tags/rotterdam');
  assert.equal(await popup.$eval('#article img', (i) => i.dataset.src), plain.origin + '/img/harbour.jpg'); // held back until allowed
  assert.equal(new URL(popup.url()).hash, '', 'the nonce is removed from the address');
  await popup.screenshot({ path: screenshotPath('bookmarklet-plain'), fullPage: true });

  // clicking again reuses the same Attest window
  await page.evaluate(() => { document.querySelector('h1').textContent = 'Harbour plan approved again'; });
  await click(context, page);
  await popup.waitForFunction(() => document.querySelector('#title').textContent.includes('again'), null, { timeout: 15000 });
  assert.equal(context.pages().length, 2);
  await context.close();
});

test('on a strict site (CSP, Trusted Types, COOP) the clipboard fallback takes over', async () => {
  const context = await browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: strict.origin });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(annotator.url).origin });
  const page = await context.newPage();
  const violations = [];
  page.on('console', (m) => { if (/Trusted Type|Content Security Policy/i.test(m.text())) violations.push(m.text()); });
  await page.goto(strict.url);
  const dialog = new Promise((resolve) => page.once('dialog', async (d) => { resolve(d.message()); await d.dismiss(); }));
  const popupPromise = context.waitForEvent('page');
  await click(context, page);
  const popup = await popupPromise;
  const message = await dialog;
  assert.match(message, /copied/, `dialog: ${message}`);
  const clip = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(clip, /Harbour plan approved/);
  await popup.waitForFunction(() => /Ctrl\+V/.test(document.querySelector('#status').textContent), null, { timeout: 15000 });
  // the person pastes into the Attest window
  await popup.evaluate((html) => {
    const dt = new DataTransfer();
    dt.setData('text/html', html);
    document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, clip);
  await popup.waitForFunction(() => document.querySelector('#title').textContent.includes('Harbour plan approved'), null, { timeout: 15000 });
  assert.deepEqual(violations, [], 'the bookmarklet trips neither CSP nor Trusted Types');
  await popup.screenshot({ path: screenshotPath('bookmarklet-strict'), fullPage: true });
  await context.close();
});

test('forged messages are ignored: wrong nonce, no handshake, mismatched origin, reused nonce', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(plain.url);
  const popupPromise = context.waitForEvent('page');
  const cdp = await context.newCDPSession(page);
  await cdp.send('Runtime.evaluate', { userGesture: true, expression: `window.w = window.open(${JSON.stringify(new URL(annotator.url).origin)} + '/#bookmarklet=good-nonce-123', 'attest'); window.replies = []; addEventListener('message', (e) => replies.push(e.data.type + ':' + e.data.nonce));` });
  const popup = await popupPromise;
  await popup.waitForFunction(() => window.annotator && /Waiting for the page/.test(document.querySelector('#status').textContent));
  const A = new URL(annotator.url).origin;
  const send = (msg) => page.evaluate(([msg, A]) => window.w.postMessage(msg, A), [msg, A]);
  const article = (nonce, url) => ({ type: 'attest-article', nonce, html: '<article><h1>Forged</h1><p>' + 'Forged text. '.repeat(20) + '</p></article>', url, title: 'Forged' });
  await send(article('good-nonce-123', plain.url)); // no handshake yet
  await send({ type: 'attest-hello', nonce: 'wrong-nonce-456' });
  await page.waitForTimeout(300);
  assert.deepEqual(await page.evaluate(() => window.replies), [], 'nothing answers a wrong nonce');
  await send({ type: 'attest-hello', nonce: 'good-nonce-123' });
  await page.waitForFunction(() => window.replies.length === 1);
  assert.deepEqual(await page.evaluate(() => window.replies), ['attest-ready:good-nonce-123']);
  await send(article('good-nonce-123', 'https://bank.example/statement')); // claims another origin
  await send(article('wrong-nonce-456', plain.url));
  await page.waitForTimeout(500);
  assert.doesNotMatch(await popup.textContent('#title'), /Forged/);
  await send(article('good-nonce-123', plain.url)); // the real one
  await popup.waitForFunction(() => document.querySelector('#title').textContent === 'Forged');
  await popup.evaluate(() => { document.querySelector('#title').textContent = 'seen'; });
  await send(article('good-nonce-123', plain.url)); // replayed
  await page.waitForTimeout(500);
  assert.equal(await popup.textContent('#title'), 'seen');
  await context.close();
});
