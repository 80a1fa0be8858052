/**
 * Widget weight and cost in Debian's headless Chromium with mobile emulation (Pixel 7) and a 4x
 * CPU slowdown (DevTools protocol Emulation.setCPUThrottlingRate). The real server runs with
 * DEMO=true and serves the demo shop on its own origin; the same page without the script tag is
 * served from a second loopback server for the comparison. Per run (a fresh browser context, so
 * a cold cache): the bytes the chat server sent (and their gzip -9 size: the server does not
 * compress) on page load and until the first message is acknowledged, the main-thread time of the
 * page load (Performance.getMetrics TaskDuration, with and without the tag), long tasks
 * (PerformanceObserver 'longtask'), and the time from the launcher click to a usable input.
 * Medians of RUNS runs.
 * Run: npx pnpm@10 bench:widget   (RUNS=7 CPU_RATE=4 DEBUG=1; CHROMIUM_PATH=/usr/bin/chromium)
 */
import { existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, devices, type Browser } from 'playwright-core';
import { REPO, startServer, tempDir } from './lib/server.ts';
import { envNum, fmt, freePort, machine, median, sleep, table } from './lib/util.ts';

const RUNS = envNum('RUNS', 7);
const CPU_RATE = envNum('CPU_RATE', 4);
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const DEVICE = devices['Pixel 7']!;

const dist = join(REPO, 'apps/widget/dist/widget.js');
if (!existsSync(dist)) {
  console.error('The widget is not built: run `npx pnpm@10 build` first.');
  process.exit(1);
}

interface Run {
  loadTaskMs: number;
  loadScriptMs: number;
  loadStyleLayoutMs: number;
  loadLongTasks: number;
  loadLongTaskMs: number;
  firstWire: number;
  firstGzip: number;
  firstFiles: string[];
  clickToInputMs?: number;
  clickToWelcomeMs?: number;
  openTaskMs?: number;
  openLongTasks?: number;
  untilMessageWire?: number;
  untilMessageGzip?: number;
  untilMessageFiles?: string[];
  wsBytes?: number;
}

/**
 * In the page before anything else: long tasks, and "the input is usable after a click". Plain
 * JavaScript in a string: a function would be serialised after tsx compiled it, with helpers
 * (__name) the page does not have.
 */
const INIT = `
window.__lt = [];
new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__lt.push({ start: e.startTime, duration: e.duration }); })
  .observe({ type: 'longtask', buffered: true });
window.__clickAt = -1;
window.__usable = -1;
addEventListener('pointerdown', (ev) => {
  window.__clickAt = ev.timeStamp;
  // Usable: the message box is in the panel, laid out and enabled; polled every few ms.
  const check = () => {
    const ta = document.getElementById('parla-widget')?.shadowRoot?.querySelector('textarea#parla-input');
    if (ta && !ta.disabled && ta.getBoundingClientRect().height > 0) window.__usable = performance.now() - window.__clickAt;
    else setTimeout(check, 1);
  };
  check();
}, { capture: true, once: true });
`;

async function measure(browser: Browser, url: string, chatOrigin: string, withWidget: boolean): Promise<Run> {
  const dbg = (what: string) => process.env.DEBUG && console.log(`  [${withWidget ? 'with' : 'without'} the tag] ${what}`);
  const ctx = await browser.newContext({ ...DEVICE, locale: 'en-US' });
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_RATE });
  await cdp.send('Performance.enable');
  await page.addInitScript({ content: INIT });
  const fromChat: { url: string; wire: number; gzip: number; done: Promise<void> }[] = [];
  page.on('response', (res) => {
    if (!res.url().startsWith(chatOrigin)) return;
    const entry = { url: res.url().slice(chatOrigin.length), wire: 0, gzip: 0, done: Promise.resolve() };
    entry.done = (async () => {
      const body = await res.body().catch(() => Buffer.alloc(0));
      const sizes = await res.request().sizes();
      entry.wire = sizes.responseBodySize + sizes.responseHeadersSize;
      entry.gzip = gzipSync(body, { level: 9 }).length;
    })();
    fromChat.push(entry);
  });
  let wsBytes = 0;
  let welcomeAt = 0;
  let acked: () => void = () => {};
  const ack = new Promise<void>((r) => (acked = r));
  page.on('websocket', (ws) => {
    ws.on('framesent', (f) => (wsBytes += Buffer.byteLength(String(f.payload))));
    ws.on('framereceived', (f) => {
      const s = String(f.payload);
      wsBytes += Buffer.byteLength(s);
      if (s.startsWith('{"type":"welcome"')) welcomeAt ||= Date.now();
      if (s.startsWith('{"type":"ack"')) acked();
    });
  });
  const metrics = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value])) as Record<string, number>;
  const sum = async (files: typeof fromChat) => {
    await Promise.all(files.map((f) => f.done));
    return { wire: files.reduce((n, f) => n + f.wire, 0), gzip: files.reduce((n, f) => n + f.gzip, 0), files: files.map((f) => f.url) };
  };

  dbg('goto');
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForLoadState('networkidle');
  await sleep(500); // the async loader has run and drawn the launcher
  dbg('loaded');
  const m0 = await metrics();
  const lt0 = await page.evaluate(() => (window as unknown as { __lt: { duration: number }[] }).__lt.slice());
  const first = await sum(fromChat.slice());
  const run: Run = {
    loadTaskMs: m0.TaskDuration! * 1000,
    loadScriptMs: m0.ScriptDuration! * 1000,
    loadStyleLayoutMs: (m0.RecalcStyleDuration! + m0.LayoutDuration!) * 1000,
    loadLongTasks: lt0.length,
    loadLongTaskMs: lt0.reduce((n, e) => n + e.duration, 0),
    firstWire: first.wire,
    firstGzip: first.gzip,
    firstFiles: first.files,
  };
  if (withWidget) {
    const clickAt = Date.now();
    await page.locator('#parla-widget button.l').click();
    dbg('clicked');
    const until = Date.now() + 30_000;
    while ((run.clickToInputMs = await page.evaluate(() => (window as unknown as { __usable: number }).__usable)) < 0 && Date.now() < until) await sleep(20);
    const deadline = Date.now() + 10_000;
    while (!welcomeAt && Date.now() < deadline) await sleep(5);
    run.clickToWelcomeMs = welcomeAt ? welcomeAt - clickAt : NaN;
    dbg('input usable, welcome received');
    const m1 = await metrics();
    run.openTaskMs = (m1.TaskDuration! - m0.TaskDuration!) * 1000;
    const input = page.locator('#parla-widget textarea#parla-input');
    await input.fill('Hi! Does the moka pot work on induction hobs?');
    await input.press('Enter');
    await Promise.race([ack, sleep(10_000)]);
    dbg('acknowledged');
    const lt1 = await page.evaluate(() => (window as unknown as { __lt: { duration: number }[] }).__lt.slice());
    run.openLongTasks = lt1.length - lt0.length;
    const all = await sum(fromChat.slice());
    run.untilMessageWire = all.wire;
    run.untilMessageGzip = all.gzip;
    run.untilMessageFiles = all.files;
    run.wsBytes = wsBytes;
  }
  await ctx.close();
  return run;
}

console.log(`bench:widget — ${machine()}`);
console.log(`Chromium ${CHROMIUM}, ${DEVICE.viewport.width}x${DEVICE.viewport.height} mobile emulation (Pixel 7), CPU slowdown ${CPU_RATE}x, ${RUNS} runs each; widget built ${statSync(dist).mtime.toISOString()}\n`);
const data = tempDir('parla-bench-widget-');
const shopPort = await freePort();
const server = await startServer({ DATA_DIR: data.dir, DEMO: 'true', DEMO_SHOP_PORT: String(shopPort), SITE_ORIGINS: '' });
const chatOrigin = `http://localhost:${server.port}`;
const shopUrl = `http://localhost:${shopPort}/`;
// The same page without the script tag, from a server of our own.
const html = await (await fetch(shopUrl)).text();
const bare = html.replace(/<script async src="[^"]*\/widget\.js" data-site="demo"><\/script>\n?/, '');
if (bare === html) throw new Error('the demo shop page has no widget script tag to remove');
const plain = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(bare));
const plainPort = await freePort();
await new Promise<void>((r) => plain.listen(plainPort, '127.0.0.1', r));
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'] });
const withTag: Run[] = [];
const without: Run[] = [];
try {
  await measure(browser, shopUrl, chatOrigin, true); // warm-up (server JIT, Chromium start)
  for (let i = 0; i < RUNS; i++) {
    without.push(await measure(browser, `http://127.0.0.1:${plainPort}/`, chatOrigin, false));
    withTag.push(await measure(browser, shopUrl, chatOrigin, true));
  }
} finally {
  await browser.close();
  plain.close();
  await server.stop();
  data.remove();
}

const med = (rs: Run[], k: keyof Run) => median(rs.map((r) => r[k] as number));
const kb = (n: number) => `${n} B (${fmt(n / 1024, 2)} KB)`;
const added = med(withTag, 'loadTaskMs') - med(without, 'loadTaskMs');
const addedPaired = median(withTag.map((r, i) => r.loadTaskMs - without[i]!.loadTaskMs));
const rows: (string | number)[][] = [
  ['first load from the chat server, gzip -9', kb(med(withTag, 'firstGzip')), '<= 1 KB', withTag[0]!.firstFiles.join(' ')],
  ['first load from the chat server, on the wire (uncompressed)', kb(med(withTag, 'firstWire')), '', 'the server sends no Content-Encoding'],
  ['until the first message is acknowledged, gzip -9', kb(med(withTag, 'untilMessageGzip')), '<= 15 KB', withTag[0]!.untilMessageFiles!.join(' ')],
  ['until the first message, on the wire (uncompressed)', kb(med(withTag, 'untilMessageWire')), '', ''],
  ['WebSocket frames until the first ack (both ways)', `${med(withTag, 'wsBytes')} B`, '', 'hello, welcome, message.send, ack, item, conversation'],
  ['page load main-thread time, without the tag', `${fmt(med(without, 'loadTaskMs'))} ms`, '', 'TaskDuration, 4x slowdown'],
  ['page load main-thread time, with the tag', `${fmt(med(withTag, 'loadTaskMs'))} ms`, '', `of which script ${fmt(med(withTag, 'loadScriptMs'))} ms (without: ${fmt(med(without, 'loadScriptMs'))}), style+layout ${fmt(med(withTag, 'loadStyleLayoutMs'))} ms (without: ${fmt(med(without, 'loadStyleLayoutMs'))})`],
  ['main-thread time added by the widget', `${fmt(added)} ms (paired median ${fmt(addedPaired)} ms)`, '<= 20 ms', 'difference of medians'],
  ['long tasks during the page load (with / without)', `${med(withTag, 'loadLongTasks')} / ${med(without, 'loadLongTasks')}`, '', `${fmt(med(withTag, 'loadLongTaskMs'))} ms / ${fmt(med(without, 'loadLongTaskMs'))} ms in all`],
  ['launcher click -> usable input', `${fmt(med(withTag, 'clickToInputMs'))} ms`, '<= 300 ms', `p100 of ${RUNS}: ${fmt(Math.max(...withTag.map((r) => r.clickToInputMs!)))} ms`],
  ['launcher click -> welcome frame (connected)', `${fmt(med(withTag, 'clickToWelcomeMs'))} ms`, '', 'measured from Node, includes the DevTools round trips'],
  ['main-thread time of opening the chat', `${fmt(med(withTag, 'openTaskMs'))} ms`, '', 'TaskDuration from the click to the usable input (and welcome)'],
  ['long tasks from the click to the first ack', `${med(withTag, 'openLongTasks')}`, '', ''],
];
console.log(table(['measure (median of runs)', 'figure', 'target', 'notes'], rows));
