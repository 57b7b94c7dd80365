// The Cloudflare Worker under `wrangler dev` on loopback: every seed and a hostile page through
// POST /api/annotate, the error statuses, the site's headers, latency and a bounded load run.
// Latency and throughput are reported, not asserted.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { root, freePort, seeds, shotsDir } from './harness.mjs';

let proc, base;
const figures = {};

before(async () => {
  const dir = join(root, 'dist-worker');
  if (!existsSync(join(dir, 'wrangler.jsonc'))) throw new Error('dist-worker is missing: run ./build.sh worker');
  const port = await freePort();
  proc = spawn(join(root, 'e2e', 'node_modules', '.bin', 'wrangler'), ['dev', '--ip', '127.0.0.1', '--port', String(port)], {
    cwd: dir, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CI: 'true' },
  });
  let log = '';
  proc.stdout.on('data', (d) => { log += d; });
  proc.stderr.on('data', (d) => { log += d; });
  base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(base + '/')).ok) return;
    } catch { /* starting */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  proc.kill();
  throw new Error('wrangler dev did not start:\n' + log);
});

after(() => {
  proc?.kill();
  if (Object.keys(figures).length) {
    mkdirSync(shotsDir, { recursive: true });
    writeFileSync(join(shotsDir, 'worker-figures.json'), JSON.stringify(figures, null, 2));
    console.log('worker figures', JSON.stringify(figures));
  }
});

function post(body, type = 'text/plain', query = '') {
  return fetch(`${base}/api/annotate${query}`, { method: 'POST', headers: { 'Content-Type': type }, body });
}

// checkResult asserts the contract on a Result: fields, byte offsets that slice the text.
function checkResult(r, name) {
  for (const k of ['title', 'byline', 'published', 'text', 'html', 'quotes', 'entities', 'removed']) {
    assert.ok(k in r, `${name}: result lacks ${k}`);
  }
  const bytes = Buffer.from(r.text, 'utf8');
  for (const s of [...r.quotes, ...r.entities]) {
    assert.equal(bytes.subarray(s.start, s.end).toString('utf8'), s.text, `${name}: span ${s.text} at ${s.start}:${s.end}`);
  }
  for (const q of r.quotes) assert.ok(['full', 'partial', 'nested'].includes(q.kind));
}

test('every seed through POST /api/annotate', async (t) => {
  const all = seeds();
  if (all.length === 0) { t.skip('../shared/fixtures/seeds is absent'); return; }
  let first = true;
  for (const seed of all) {
    const started = performance.now();
    const res = await post(seed.text);
    const ms = performance.now() - started;
    if (first) { figures.firstRequestMs = Math.round(ms); first = false; }
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type'), /application\/json/);
    assert.equal(res.headers.get('access-control-allow-origin'), '*');
    const r = await res.json();
    checkResult(r, seed.name);
    for (const k of seed.gold.keep) assert.ok(r.text.replace(/\s+/g, ' ').includes(k.replace(/\s+/g, ' ')), `${seed.name} keeps ${k}`);
  }
  const html = await post(all[0].text, 'text/plain', '?format=html');
  assert.equal(html.status, 200);
  assert.match(await html.text(), /<mark data-label="QUOTE"/);
});

test('hostile input comes back inert', async () => {
  const hostile = `<html><body><article><h1>Test</h1><p>The mayor of Lisbon said on Monday that the plan was approved after a long debate in the council.</p>
    <p>“It is done,” said Mayor Inês Carvalho.<img src=x onerror=alert(1)><a href="javascript:alert(2)">click</a></p>
    <script>alert(3)</script><svg onload=alert(4)></svg><iframe srcdoc="<script>alert(5)</script>"></iframe>
    <p style="background:url(javascript:alert(6))" onclick="alert(7)">More text about the plan and its costs for the city and its people.</p></article></body></html>`;
  const res = await post(hostile, 'text/html');
  assert.equal(res.status, 200);
  const r = await res.json();
  checkResult(r, 'hostile');
  for (const bad of ['<script', 'onerror', 'onload', 'onclick', 'javascript:', '<svg', '<iframe', 'srcdoc', 'style=']) {
    assert.ok(!r.html.toLowerCase().includes(bad), `html keeps ${bad}`);
  }
});

test('errors are JSON with the right status', async () => {
  let res = await post('   ');
  assert.equal(res.status, 400);
  assert.match((await res.json()).error, /empty/);
  res = await post(Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0, 1, 2]), 'application/octet-stream');
  assert.equal(res.status, 400);
  res = await post('x'.repeat(11 << 20));
  assert.equal(res.status, 413);
  assert.ok((await res.json()).error);
  res = await fetch(`${base}/api/annotate`);
  assert.equal(res.status, 405);
  res = await fetch(`${base}/api/annotate`, { method: 'OPTIONS' });
  assert.equal(res.status, 204);
  assert.match(res.headers.get('access-control-allow-methods'), /POST/);
});

test('GET / serves the site with strict headers', async () => {
  const res = await fetch(base + '/');
  assert.equal(res.status, 200);
  assert.match(await res.text(), /<title>Attest/);
  assert.match(res.headers.get('content-security-policy'), /script-src 'self' 'wasm-unsafe-eval'/);
  assert.equal(res.headers.get('referrer-policy'), 'no-referrer');
  const wasm = await fetch(base + '/annotate.wasm');
  assert.equal(wasm.headers.get('content-type'), 'application/wasm');
});

test('latency and a bounded load run (2,000 requests, 16 at a time)', async (t) => {
  const all = seeds();
  const body = all.length ? all[0].text : 'Mayor Maria Lopez said on Friday that the bridge would open. “It is ready,” she said.';
  const times = [];
  for (let i = 0; i < 20; i++) {
    const started = performance.now();
    const res = await post(body);
    await res.arrayBuffer();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  figures.warmMedianMs = Math.round(times[times.length >> 1] * 10) / 10;
  const total = 2000, concurrency = 16;
  let next = 0, errors = 0;
  const started = performance.now();
  async function worker() {
    while (next < total) {
      next++;
      try {
        const res = await post(body);
        await res.arrayBuffer();
        if (res.status !== 200) errors++;
      } catch { errors++; }
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  figures.loadRequests = total;
  figures.loadConcurrency = concurrency;
  figures.loadSeconds = Math.round(seconds * 10) / 10;
  figures.requestsPerSecond = Math.round(total / seconds);
  figures.loadErrors = errors;
  t.diagnostic(JSON.stringify(figures));
  assert.equal(errors, 0);
});
