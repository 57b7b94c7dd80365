// Shared set-up for the browser tests: the local server on a free loopback port and Debian's
// Chromium driven by playwright-core.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const shotsDir = join(root, 'e2e', 'screenshots');
export const seedsDir = join(root, '..', 'shared', 'fixtures', 'seeds');

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

// startServer runs dist/annotate -serve and resolves once it answers.
export async function startServer() {
  const bin = join(root, 'dist', 'annotate');
  if (!existsSync(bin)) throw new Error('dist/annotate is missing: run ./build.sh first');
  const port = await freePort();
  const proc = spawn(bin, ['-serve', `127.0.0.1:${port}`, '-dir', join(root, 'dist')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  proc.stderr.on('data', (d) => { stderr += d; });
  const url = `http://127.0.0.1:${port}/`;
  for (let i = 0; i < 100; i++) {
    try {
      const res = await fetch(url);
      if (res.ok) return { url, port, stop: () => proc.kill() };
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  proc.kill();
  throw new Error('the server did not start: ' + stderr);
}

export async function launch(extraArgs = []) {
  const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
  return chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage', ...extraArgs],
  });
}

export function screenshotPath(name) {
  mkdirSync(shotsDir, { recursive: true });
  return join(shotsDir, name + '.png');
}

// seeds returns [{name, text, gold}] or [] when ../shared is absent.
export function seeds() {
  if (!existsSync(seedsDir)) return [];
  return readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort().map((f) => ({
    name: f,
    text: readFileSync(join(seedsDir, f), 'utf8'),
    gold: JSON.parse(readFileSync(join(seedsDir, f.replace(/\.txt$/, '.gold.json')), 'utf8')),
  }));
}

// paste dispatches a real paste event carrying the given MIME types, as a browser does on Ctrl+V.
export async function paste(page, data) {
  await page.evaluate((data) => {
    const dt = new DataTransfer();
    for (const [type, value] of Object.entries(data)) dt.setData(type, value);
    document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, data);
}

// useSite registers hooks that start the local server and Chromium before a file's tests and
// stop them after; the returned object holds them once they are up.
export function useSite({ before, after }) {
  const site = {};
  before(async () => {
    site.server = await startServer();
    site.browser = await launch();
  });
  after(async () => {
    await site.browser?.close();
    site.server?.stop();
  });
  return site;
}
