// Comparing versions of one story in the page: the five seeds opened at once, the summary
// table, a row's word-by-word changes, a re-attribution, and collecting pasted versions.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { screenshotPath, seeds, paste, useSite } from './harness.mjs';

const site = useSite({ before, after });

test('open the five seeds at once and compare them', async (t) => {
  const all = seeds();
  if (all.length === 0) { t.skip('../shared/fixtures/seeds is absent'); return; }
  const page = await site.browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await page.goto(site.server.url);
  await page.evaluate(() => window.annotator.ready);
  await page.setInputFiles('#file', all.map((s) => ({ name: s.name, mimeType: 'text/plain', buffer: Buffer.from(s.text) })));
  await page.waitForSelector('#compare:not([hidden]) #compare-quotes tbody tr.quote-row', { timeout: 20000 });
  assert.equal(await page.$eval('#compare-title', (h) => h.textContent), 'Comparison of 5 versions');
  const rows = await page.$$eval('#compare-quotes tr.quote-row', (trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent.trim())));
  const trump = rows.find((r) => r[1].startsWith('How can we help you fight drug trafficking?'));
  assert.ok(trump, 'Trump’s question has a row');
  assert.equal(trump[0], 'Donald Trump');
  assert.deepEqual(trump.slice(2).map((c) => c[0]), ['≈', '≈', '✓', '—', '≈']);
  const moved = rows.find((r) => r[1].startsWith('Mexico still must do more'));
  assert.match(moved[4], /White House/, 'the re-attribution is shown');
  // a row opens to show each version's words, with what was added and dropped
  const row = page.locator('#compare-quotes tr.quote-row', { hasText: 'No, President Trump' }).first();
  await row.locator('.row-toggle').click();
  const detail = page.locator('#compare-quotes tr.detail:not([hidden])');
  assert.match(await detail.locator('del').allTextContents().then((x) => x.join(' ')), /sacrosanct/);
  assert.match(await detail.locator('ins').allTextContents().then((x) => x.join(' ')), /inalienable/);
  const entities = await page.$$eval('#compare-entities tbody tr', (trs) => trs.map((tr) => tr.textContent));
  assert.ok(entities.some((e) => e.startsWith('Claudia Sheinbaum')));
  // the side-by-side view aligns the versions' paragraphs in columns
  await page.click('#side-by-side-box summary');
  const cols = await page.$$eval('#side-by-side thead th', (ths) => ths.length);
  assert.equal(cols, 5);
  const sideRows = await page.$$eval('#side-by-side tbody tr', (trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent)));
  const first = sideRows.find((r) => r[0].includes('publicly confirmed she rejected'));
  assert.ok(first && first[1].includes('publicly confirmed she rejected'), 'the opening paragraph of 000 and 001 share a row');
  await page.screenshot({ path: screenshotPath('compare'), fullPage: true });
  await page.click('#compare-close');
  assert.ok(await page.$eval('#compare', (c) => c.hidden));
  await page.close();
});

test('collect pasted versions and compare them', async () => {
  const page = await site.browser.newPage();
  await page.goto(site.server.url);
  await page.evaluate(() => window.annotator.ready);
  const a = 'Mayor Maria Lopez spoke on Friday.\n\n“We will build the harbour by next year, whatever the critics say,” Lopez said.';
  const b = 'Mayor Maria Lopez spoke on Friday.\n\n“We will build the harbour by next year,” Lopez said.';
  for (const text of [a, b]) {
    await paste(page, { 'text/plain': text });
    await page.waitForFunction((t) => document.querySelector('#article').textContent.includes(t), text.includes('critics') ? 'critics' : 'next year,”');
    await page.click('#add-version');
  }
  assert.equal(await page.$eval('#version-count', (c) => c.textContent), '2');
  await page.click('#compare-btn');
  await page.waitForSelector('#compare:not([hidden]) tr.quote-row');
  const cells = await page.$$eval('#compare-quotes tr.quote-row td.status', (tds) => tds.map((td) => td.textContent.trim()));
  assert.deepEqual(cells, ['✓', '≈']);
  await page.close();
});
