// Browser benchmark (./build.sh bench): Attest against the JavaScript peer pipeline
// (Readability + DOMPurify + compromise, bench/peer) in one headless Chromium run, on the same
// articles: the seeds and the extraction-dev pages from ../shared. Reports cold start, first
// annotation and warm median per article (after one untimed pass over all of them) for each, per
// 100 KB of input, and the ratios; writes
// bench/results.json. Timings are measured inside the page with performance.now().
import { createServer } from 'node:http';
import { readFileSync, readdirSync, existsSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, launch, freePort } from '../e2e/harness.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const shared = join(here, '..', '..', 'shared');
const WARM_RUNS = Number(process.env.WARM_RUNS || 5);

function articles() {
  const out = [];
  const seeds = join(shared, 'fixtures', 'seeds');
  if (existsSync(seeds)) {
    for (const f of readdirSync(seeds).filter((f) => f.endsWith('.txt')).sort()) {
      const text = readFileSync(join(seeds, f), 'utf8');
      const html = '<html><body>' + text.split(/\n\s*\n/).map((p) => '<p>' + p.replace(/[<&]/g, (c) => (c === '<' ? '&lt;' : '&amp;')) + '</p>').join('') + '</body></html>';
      out.push({ name: f, ours: text, oursIn: 'text', peer: html, bytes: Buffer.byteLength(text) });
    }
  }
  const dev = join(shared, 'data', 'extraction-dev');
  if (existsSync(dev)) {
    const truth = JSON.parse(readFileSync(join(dev, 'ground-truth.json'), 'utf8'));
    for (const f of readdirSync(join(dev, 'html')).sort()) {
      const html = gunzipSync(readFileSync(join(dev, 'html', f))).toString('utf8');
      const url = truth[f.replace(/\.html\.gz$/, '')]?.url || '';
      out.push({ name: f.slice(0, 12), ours: html, oursIn: 'html', peer: html, url, bytes: Buffer.byteLength(html) });
    }
  }
  return out;
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[s.length >> 1] : 0;
}

async function servePeer() {
  const port = await freePort();
  const files = { '/peer.html': ['text/html', readFileSync(join(here, 'peer', 'peer.html'))], '/peer.bundle.js': ['text/javascript', readFileSync(join(here, 'peer', 'peer.bundle.js'))] };
  const srv = createServer((req, res) => {
    const f = files[req.url];
    if (!f) { res.writeHead(404); res.end(); return; }
    res.writeHead(200, { 'Content-Type': f[0] });
    res.end(f[1]);
  });
  await new Promise((r) => srv.listen(port, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${port}/peer.html`, stop: () => srv.close() };
}

// measure runs one pipeline over the articles in a fresh page: cold start, first annotation and
// the warm median per article.
async function measure(browser, url, call, items) {
  const page = await browser.newPage();
  await page.goto(url);
  const coldStart = await readyTimes(page);
  const startup = await workerStartup(page, coldStart.origin);
  const first = await page.evaluate(call, { input: items[0].x, opts: items[0].opts, runs: 1 });
  // one untimed pass over every article first: "warm" means after the JIT has tiered up (V8
  // compiles a large WebAssembly module with a baseline compiler, then optimises hot functions;
  // without this pass the first few articles measured pay for it, whichever pipeline runs)
  for (const it of items) await page.evaluate(call, { input: it.x, opts: it.opts, runs: 1 });
  const perArticle = [];
  for (const it of items) {
    await engineTimes(page);
    const times = await page.evaluate(call, { input: it.x, opts: it.opts, runs: WARM_RUNS });
    const inEngine = await engineTimes(page);
    perArticle.push({ name: it.name, bytes: it.bytes, ms: median(times), engineMs: inEngine.length ? median(inEngine) : 0 });
  }
  const heap = await page.evaluate(() => (performance.memory ? performance.memory.usedJSHeapSize : 0));
  // memory for one 1 MB article: the page's JS heap before and right after (no GC in between, so
  // the growth is what the call needed at its peak or less), and for Attest the WebAssembly
  // memory, which Go never gives back: its size afterwards is the engine's peak
  const big = bigArticle();
  const jsBefore = await page.evaluate(() => performance.memory.usedJSHeapSize);
  const wasmBefore = await wasmBytes(page);
  const bigTimes = await page.evaluate(call, { input: big, opts: { in: 'html', url: '' }, runs: 1 });
  const jsAfter = await page.evaluate(() => performance.memory.usedJSHeapSize);
  const wasmAfter = await wasmBytes(page);
  // a second visit: the same tab reloaded, with the browser's HTTP cache (and V8's cache of
  // compiled WebAssembly) as the first visit left them
  await page.reload();
  const revisit = await readyTimes(page);
  revisit.startup = await workerStartup(page, revisit.origin);
  await page.close();
  return { coldStart, revisit, startup, first: first[0], perArticle, heap, big: { bytes: Buffer.byteLength(big), ms: bigTimes[0], jsBefore, jsAfter, wasmBefore, wasmAfter } };
}

// bigArticle is a 1 MB page: the seeds' paragraphs repeated inside one <article>.
let bigCache = '';
function bigArticle() {
  if (bigCache) return bigCache;
  const paras = all.filter((a) => a.oursIn === 'text').flatMap((a) => a.ours.split(/\n\s*\n/)).filter((p) => p.length > 80)
    .map((p) => '<p>' + p.replace(/[<&]/g, (c) => (c === '<' ? '&lt;' : '&amp;')) + '</p>\n');
  let body = '';
  for (let i = 0; Buffer.byteLength(body) < 1 << 20 && paras.length; i++) body += paras[i % paras.length];
  bigCache = '<!doctype html><html><head><title>A long read</title></head><body><article><h1>A long read</h1>' + body + '</article></body></html>';
  return bigCache;
}

// readyTimes waits for the pipeline to be ready and returns, on the page's own clock (navigation
// start is 0), when it was ready and when the page's load event ended. First it types into Attest's
// input, as a person pasting before the engine is ready would: the page then skips loading its
// sample article, which would otherwise be annotated just before the first timed call.
async function readyTimes(page) {
  await page.evaluate(() => { const el = document.getElementById('input'); if (el && !el.value) el.value = ' '; });
  return page.evaluate(async () => {
    await (window.annotator ? window.annotator.ready : window.peerReady);
    const mark = performance.getEntriesByName(window.annotator ? 'attest-ready' : 'peer-ready')[0];
    const nav = performance.getEntriesByType('navigation')[0];
    return { ready: mark.startTime, load: nav.loadEventEnd, origin: performance.timeOrigin };
  });
}

// workerStartup splits Attest's start in its worker, in ms from the page's navigation start:
// worker running, WebAssembly compiled and instantiated, Go initialised (ready).
async function workerStartup(page, origin) {
  const w = page.workers()[0];
  const st = w ? await w.evaluate(() => self.attestStartup || null) : null;
  if (!st) return null;
  const at = (t) => Math.round(t - origin);
  return { worker: at(st.workerStart), instantiated: at(st.instantiated), ready: at(st.ready) };
}

// engineTimes takes the times Attest's worker measured around the engine call since the last
// read (none for the peer, which has no worker).
async function engineTimes(page) {
  const w = page.workers()[0];
  return w ? w.evaluate(() => (self.attestTimes ? self.attestTimes.splice(0) : [])) : [];
}

// wasmBytes is the engine's WebAssembly memory (0 for the peer, which has none).
async function wasmBytes(page) {
  const w = page.workers()[0];
  return w ? w.evaluate(() => (self.attestMemory ? self.attestMemory() : 0)) : 0;
}

const oursCall = async ({ input, opts, runs }) => {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await window.annotator.annotate(input, opts);
    times.push(performance.now() - t);
  }
  return times;
};
const peerCall = async ({ input, opts, runs }) => {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    window.peerAnnotate(input, opts.url);
    times.push(performance.now() - t);
  }
  return times;
};

const all = articles();
if (all.length === 0) {
  console.error('bench: no articles (../shared is absent)');
  process.exit(0);
}
const server = await startServer();
const peer = await servePeer();
const browser = await launch(['--enable-precise-memory-info']);
try {
  const ours = await measure(browser, server.url, oursCall, all.map((a) => ({ name: a.name, bytes: a.bytes, x: a.ours, opts: { in: a.oursIn, url: a.url } })));
  const theirs = await measure(browser, peer.url, peerCall, all.map((a) => ({ name: a.name, bytes: a.bytes, x: a.peer, opts: { url: a.url } })));
  const per100k = (r, filter, key = 'ms') => {
    const rows = r.perArticle.filter(filter);
    const ms = rows.reduce((s, x) => s + x[key], 0);
    const kb = rows.reduce((s, x) => s + x.bytes, 0) / 1024;
    return kb ? (ms / kb) * 100 : 0;
  };
  const isSeed = (x) => x.name.endsWith('.txt');
  const isPage = (x) => !x.name.endsWith('.txt');
  const rows = [
    ['engine ready, from navigation start (ms)', ours.coldStart.ready, theirs.coldStart.ready],
    ['engine ready after the load event (ms; 0 if before)', Math.max(0, ours.coldStart.ready - ours.coldStart.load), Math.max(0, theirs.coldStart.ready - theirs.coldStart.load)],
    ['page load event, from navigation start (ms)', ours.coldStart.load, theirs.coldStart.load],
    ['second visit (reload): engine ready, from navigation start (ms)', ours.revisit.ready, theirs.revisit.ready],
    ['first annotation (ms)', ours.first, theirs.first],
    ['warm, dev pages (ms per 100 KB of HTML)', per100k(ours, isPage), per100k(theirs, isPage)],
    ['… of which inside the engine (worker side)', per100k(ours, isPage, 'engineMs'), 0],
    ['warm, seeds (median ms per seed)', median(ours.perArticle.filter(isSeed).map((x) => x.ms)), median(theirs.perArticle.filter(isSeed).map((x) => x.ms))],
    ['JS heap after the run (MB)', ours.heap / 1048576, theirs.heap / 1048576],
    ['1 MB article: time (ms)', ours.big.ms, theirs.big.ms],
    ['1 MB article: page JS heap growth (MB)', (ours.big.jsAfter - ours.big.jsBefore) / 1048576, (theirs.big.jsAfter - theirs.big.jsBefore) / 1048576],
    ['1 MB article: WebAssembly memory after, its peak (MB)', ours.big.wasmAfter / 1048576, 0],
  ];
  for (const [when, st] of [['first visit', ours.startup], ['second visit', ours.revisit.startup]]) {
    if (st) console.log(`Attest's start, ${when}, ms from navigation: worker running ${st.worker}, WebAssembly compiled and instantiated ${st.instantiated}, Go initialised ${st.ready}`);
  }
  console.log('');
  console.log('| metric | Attest | peer | ratio |\n|---|---|---|---|');
  for (const [m, a, b] of rows) console.log(`| ${m} | ${a.toFixed(1)} | ${b.toFixed(1)} | ${b ? (a / b).toFixed(2) : '-'} |`);
  writeFileSync(join(here, 'results.json'), JSON.stringify({ date: new Date().toISOString(), warmRuns: WARM_RUNS, rows, ours, peer: theirs }, null, 2));
} finally {
  await browser.close();
  server.stop();
  peer.stop();
}
