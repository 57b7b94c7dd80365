// startprobe: one cold visit of the page; prints the resource timings of the page and of its
// worker, and the worker's start stamps, in ms from navigation start.
import { startServer, launch } from '../e2e/harness.mjs';
const server = await startServer();
const browser = await launch();
try {
  for (let run = 0; run < 3; run++) {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await page.goto(server.url);
    const r = await page.evaluate(async () => {
      document.getElementById('input').value = ' ';
      await window.annotator.ready;
      const nav = performance.getEntriesByType('navigation')[0];
      const res = performance.getEntriesByType('resource').map((e) => [e.name.split('/').pop(), Math.round(e.startTime), Math.round(e.responseEnd)]);
      return { marks: performance.getEntriesByType('mark').map((m) => [m.name, Math.round(m.startTime)]), nav: [Math.round(nav.responseEnd), Math.round(nav.domContentLoadedEventEnd), Math.round(nav.loadEventEnd)], ready: Math.round(performance.getEntriesByName('attest-ready')[0].startTime), res, origin: performance.timeOrigin };
    });
    const w = page.workers()[0];
    const wr = await w.evaluate(() => ({ st: self.attestStartup, res: performance.getEntriesByType('resource').map((e) => [e.name.split('/').pop(), Math.round(e.startTime), Math.round(e.responseEnd)]), origin: performance.timeOrigin }));
    const d = wr.origin - r.origin;
    console.log(JSON.stringify({ marks: r.marks, nav: r.nav, ready: r.ready, res: r.res, worker: Object.fromEntries(Object.entries(wr.st).map(([k, v]) => [k, Math.round(v - r.origin)])), wres: wr.res.map(([n, a, b]) => [n, Math.round(a + d), Math.round(b + d)]) }));
    await ctx.close();
  }
} finally {
  await browser.close();
  server.stop();
}
