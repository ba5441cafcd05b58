// gpulca serve's page (cli/server/page.html) in headless Chromium, driven by
// puppeteer-core against the real server on a private database:
//   node serve_page_test.mjs GPULCA DATA_DIR WORK_DIR
// WORK_DIR holds node_modules (tests/browser/run.sh installs it there), the
// database, the token file, the server's log and the screenshots
// (page-1280.png, page-375.png). It clicks through a report, a comparison, a
// fleet year and an audit, checks the numbers shown against the CLI's JSON,
// the keyboard, the 375 px layout and print, and that no request leaves
// 127.0.0.1. Exits non-zero on any failure; always stops the server.
import { spawn, execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import readline from 'node:readline';

const [gpulca, dataDir, workDir] = process.argv.slice(2);
if (!gpulca || !dataDir || !workDir) {
  console.error('usage: node serve_page_test.mjs GPULCA DATA_DIR WORK_DIR');
  process.exit(2);
}
const require = createRequire(path.join(path.resolve(workDir), 'package.json'));
const puppeteer = require('puppeteer-core');
const chromium = process.env.CHROMIUM || '/usr/bin/chromium';

const db = path.join(workDir, 'serve-test.db');
const tokenFile = path.join(workDir, 'token');
const order = path.join(dataDir, 'examples', 'order-h100-cluster.toml');
const H100 = 'nvidia-h100-sxm5';
const A100 = 'nvidia-a100-sxm4-80gb';

// The page's number format (formatNumber in page.html), written again here:
// at most 5 significant digits but all the integer digits, en-US grouping,
// scientific below 1e-4.
const SIG5 = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 5 });
const INT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const SCI = new Intl.NumberFormat('en-US', { notation: 'scientific', maximumSignificantDigits: 5 });
function formatNumber(v) {
  const a = Math.abs(v);
  if (a >= 1e5) return INT.format(v);
  if (a !== 0 && a < 1e-4) return SCI.format(v);
  return SIG5.format(v);
}

const cli = (...args) => JSON.parse(execFileSync(gpulca, ['--db', db, '--data', dataDir, ...args],
  { encoding: 'utf8', maxBuffer: 1 << 28 }));

// ---- the steps --------------------------------------------------------------
let passed = 0;
const failures = [];
async function step(name, body) {
  const started = Date.now();
  try {
    await body();
    passed++;
    console.log(`ok   ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  } catch (e) {
    failures.push(`${name}: ${e.message}`);
    console.log(`FAIL ${name}: ${e.stack || e.message}`);
  }
}
function expect(condition, message) { if (!condition) throw new Error(message); }
function expectEqual(actual, expected, what) {
  if (actual !== expected) throw new Error(`${what}: the page shows ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`);
}

// ---- the server -------------------------------------------------------------
let server = null;
let serverLog = '';
const serverRunning = () => server && server.exitCode === null && server.signalCode === null;
function stopServer() {
  if (serverRunning()) server.kill('SIGKILL');
}
// SIGTERM, then SIGKILL after 5 s.
async function stopServerGently() {
  if (!serverRunning()) return;
  const exited = new Promise((resolve) => server.once('exit', resolve));
  server.kill('SIGTERM');
  const timer = setTimeout(stopServer, 5000);
  await exited;
  clearTimeout(timer);
}
process.on('exit', stopServer);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => { stopServer(); process.exit(1); });

function startServer() {
  return new Promise((resolve, reject) => {
    server = spawn(gpulca, ['--db', db, '--data', dataDir, 'serve', '--port', '0', '--token-file', tokenFile],
      { stdio: ['ignore', 'pipe', 'pipe'] });
    const timer = setTimeout(() => reject(new Error(`no "listening" line from gpulca serve in 60 s; its log:\n${serverLog}`)), 60000);
    server.stderr.on('data', (d) => { serverLog += d; });
    server.on('error', (e) => { clearTimeout(timer); reject(e); });
    server.on('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`gpulca serve exited (${code ?? signal}) before listening; its log:\n${serverLog}`));
    });
    const lines = readline.createInterface({ input: server.stdout });
    lines.once('line', (line) => {
      clearTimeout(timer);
      const m = /^gpulca serve: listening on (http:\/\/127\.0\.0\.1:(\d+)\/)$/.exec(line);
      if (!m) reject(new Error(`gpulca serve's first line is not "gpulca serve: listening on http://127.0.0.1:PORT/": ${JSON.stringify(line)}`));
      else resolve(m[1]);
    });
    lines.on('line', (line) => { serverLog += line + '\n'; });
  });
}

// ---- the page's helpers -----------------------------------------------------
const text = (page, selector) => page.$eval(selector, (e) => e.textContent.trim());
async function waitIdle(page, button) {
  // The action is over when its button is no longer aria-disabled and the status or #error says so.
  await page.waitForFunction((b) => !document.getElementById(b).hasAttribute('aria-disabled') &&
    (document.getElementById('error').textContent !== '' || / done in /.test(document.getElementById('status').textContent)), {}, button);
  const error = await text(page, '#error');
  if (error) throw new Error(`the page reports an error: ${error}`);
}
async function click(page, button) {
  await page.$eval('#status', (e) => { e.textContent = ''; });
  await page.click(`#${button}`);
  await waitIdle(page, button);
}
// The frame shows the result's HTML (its URL is the html link's, format=html)
// with its SVG charts; returns the frame.
async function frameHasCharts(page, id, base) {
  const src = await page.$eval(`#${id}`, (e) => e.getAttribute('src'));
  const url = new URL(src, base);
  expectEqual(url.searchParams.get('format'), 'html', `format= of #${id}`);
  let frame = null;
  for (const deadline = Date.now() + 60000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 100))) {
    frame = await (await page.$(`#${id}`)).contentFrame();
    if (frame && frame.url() === url.href) break;
  }
  expectEqual(frame && frame.url(), url.href, `the URL loaded in #${id}`);
  await frame.waitForSelector('svg', { timeout: 60000 });
  const charts = await frame.$$eval('svg', (s) => s.length);
  expect(charts > 0, `#${id} shows no SVG chart`);
  const sandbox = await page.$eval(`#${id}`, (e) => e.getAttribute('sandbox'));
  expect(sandbox !== null, `#${id} is not sandboxed`);
  return frame;
}
async function setInput(page, selector, value) {
  await page.$eval(selector, (e, v) => { e.value = v; }, value);
}
// Each download link: a plain <a href download> to the API with format=...,
// and the server answers it with that format.
async function checkDownloads(page, list, base, formats) {
  for (const format of formats) {
    const link = await page.$eval(`#${list} a[data-format="${format}"]`,
      (a) => ({ href: a.getAttribute('href'), download: a.hasAttribute('download') }));
    expect(link.download, `the ${format} link of #${list} has no download attribute`);
    const url = new URL(link.href, base);
    expectEqual(url.searchParams.get('format'), format, `format= of the ${format} link of #${list}`);
    const response = await fetch(url);
    const body = Buffer.from(await response.arrayBuffer());
    expect(response.ok, `${url.pathname}${url.search}: HTTP ${response.status} ${body.toString().slice(0, 300)}`);
    expect(body.length > 0, `${url.pathname}${url.search}: empty`);
    if (format === 'xlsx') expect(body.subarray(0, 2).toString() === 'PK', `${format} of #${list} is not a zip (xlsx)`);
    if (format === 'pact' || format === 'json') JSON.parse(body.toString());
  }
}

// ---- the test ---------------------------------------------------------------
async function main() {
  const started = Date.now();
  fs.mkdirSync(workDir, { recursive: true });
  for (const f of [db, `${db}-wal`, `${db}-shm`]) fs.rmSync(f, { force: true });
  execFileSync(gpulca, ['--db', db, '--data', dataDir, 'db', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
  const token = crypto.randomBytes(24).toString('hex');
  fs.rmSync(tokenFile, { force: true });
  fs.writeFileSync(tokenFile, token + '\n', { mode: 0o600 });
  fs.chmodSync(tokenFile, 0o600);

  const base = await startServer();
  console.log(`gpulca serve at ${base}`);
  const browser = await puppeteer.launch({
    executablePath: chromium, headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-extensions', '--hide-scrollbars'],
  });
  try {
    const page = await browser.newPage();
    page.setDefaultTimeout(60000);
    await page.setViewport({ width: 1280, height: 900 });

    // No request may leave the server's host: each other one is aborted and recorded.
    const outside = [];
    const pageErrors = [];
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      const url = new URL(request.url());
      const local = ['data:', 'about:', 'blob:'].includes(url.protocol) ||
        (url.protocol === 'http:' && url.hostname === '127.0.0.1');
      if (local) request.continue();
      else { outside.push(request.url()); request.abort(); }
    });
    page.on('pageerror', (e) => pageErrors.push(e.message));

    await step('the page is served at / as text/html and lists the catalogue', async () => {
      const response = await page.goto(base, { waitUntil: 'load' });
      expect(response.ok(), `GET / answered HTTP ${response.status()}`);
      expect(/^text\/html/.test(response.headers()['content-type'] || ''), `GET / has Content-Type ${response.headers()['content-type']}`);
      await page.waitForSelector(`#gpu option[value="${H100}"]`);
      const ids = await page.$$eval('#gpu option', (o) => o.map((x) => x.value));
      const catalogue = await (await fetch(new URL('/api/v1/gpus', base))).json();
      expectEqual(ids.join(' '), catalogue.map((g) => g.id).join(' '), 'the GPUs of #gpu');
    });

    await step(`report of ${H100}: gwp100 in #report-table is the CLI's, and the charts load`, async () => {
      await page.select('#gpu', H100);
      await click(page, 'run-report');
      const expected = cli('report', H100, '--format', 'json').impacts.gwp100;
      const cell = '#report-table tr[data-impact="gwp100"]';
      expectEqual(await text(page, `${cell} td[data-key="value"]`), formatNumber(expected.value), 'gwp100 value');
      expectEqual(await text(page, `${cell} td[data-key="unit"]`), expected.unit, 'gwp100 unit');
      const frame = await frameHasCharts(page, 'report-frame', base);
      expectEqual(await frame.$eval('h1', (h) => h.textContent.trim()), await text(page, '#report-title'), 'the title in #report-frame');
      await checkDownloads(page, 'report-downloads', base, ['csv', 'xlsx', 'pact']);
    });

    await step('report with Monte Carlo: p05–p95 as the CLI\'s with the same seed', async () => {
      await page.select('#gpu', H100);
      await setInput(page, '#mc', '200');
      await setInput(page, '#seed', '3');
      await setInput(page, '#region', 'FR');
      await click(page, 'run-report');
      const expected = cli('report', H100, '--region', 'FR', '--mc', '200', '--seed', '3', '--format', 'json').impacts.gwp100;
      const row = '#report-table tr[data-impact="gwp100"]';
      expectEqual(await text(page, `${row} td[data-key="value"]`), formatNumber(expected.value), 'gwp100 value (FR)');
      expectEqual(await text(page, `${row} [data-key="p05"]`), formatNumber(expected.p05), 'gwp100 p05');
      expectEqual(await text(page, `${row} [data-key="p95"]`), formatNumber(expected.p95), 'gwp100 p95');
      const frame = await frameHasCharts(page, 'report-frame', base);
      expectEqual(await frame.$eval('h1', (h) => h.textContent.trim()), await text(page, '#report-title'), 'the title in #report-frame');
      const header = await page.$$eval('#report-table thead th', (t) => t.map((x) => x.textContent).join(' | '));
      expect(header.includes('p05–p95'), `no p05–p95 column in #report-table: ${header}`);
      for (const id of ['#mc', '#seed', '#region']) await setInput(page, id, '');
    });

    await step('a bad region: the server\'s message in #error', async () => {
      await setInput(page, '#region', 'XX');
      await page.click('#run-report');
      await page.waitForFunction(() => document.getElementById('error').textContent !== '');
      const error = await text(page, '#error');
      expectEqual(await page.evaluate(() => document.activeElement.id), 'run-report', 'the focus after an error');
      expect(/XX/.test(error) && /region/.test(error), `#error does not carry the server's message: ${error}`);
      expectEqual(await page.$eval('#error', (e) => e.getAttribute('aria-live')), 'assertive', '#error aria-live');
      await setInput(page, '#region', '');
    });

    await step(`compare ${H100} and ${A100} with PUE 1.2: #compare-table is the CLI's, and the charts load`, async () => {
      await page.select('#gpu', H100, A100);
      await setInput(page, '#pue', '1.2');
      await click(page, 'compare');
      await setInput(page, '#pue', '');
      const expected = cli('compare', H100, A100, '--set', 'pue=1.2', '--format', 'json');
      for (const g of expected.gpus) {
        const id = g.demand.product;
        expectEqual(await text(page, `#compare-table tr[data-impact="gwp100"] td[data-gpu="${id}"]`),
          formatNumber(g.impacts.gwp100.value), `gwp100 of ${id}`);
      }
      await frameHasCharts(page, 'compare-frame', base);
      await checkDownloads(page, 'compare-downloads', base, ['csv', 'xlsx']);
    });

    await step('fleet 2023: the headline figures are the CLI\'s, and the charts load', async () => {
      await page.select('#fleet-year', '2023');
      await click(page, 'run-fleet');
      const expected = cli('fleet', '--year', '2023', '--format', 'json');
      expectEqual(await text(page, '#fleet-table tr[data-impact="gwp100"] td[data-key="value"]'),
        formatNumber(expected.impacts.gwp100.value), 'fleet gwp100 (embodied)');
      const facts = await text(page, '#fleet-facts');
      expect(facts.includes(formatNumber(expected.units)), `#fleet-facts lacks the units shipped ${formatNumber(expected.units)}: ${facts}`);
      await frameHasCharts(page, 'fleet-frame', base);
      await checkDownloads(page, 'fleet-downloads', base, ['csv', 'xlsx']);
    });

    await step('audit with a bad token: 401, the message in #error', async () => {
      await (await page.$('#order-file')).uploadFile(order);
      await setInput(page, '#token', 'not-the-token');
      await page.click('#run-audit');
      await page.waitForFunction(() => document.getElementById('error').textContent !== '');
      const error = await text(page, '#error');
      expect(/401/.test(error), `#error does not report the 401: ${error}`);
    });

    await step('audit of data/examples/order-h100-cluster.toml: verdicts and the record id', async () => {
      await setInput(page, '#token', '');
      await page.type('#token', token);
      await click(page, 'run-audit');
      const id = await text(page, '#audit-id');
      expect(/^\d+$/.test(id), `#audit-id is not a record id: ${JSON.stringify(id)}`);
      const verdicts = await page.$$eval('#audit-verdicts li', (l) => l.length);
      expect(verdicts > 0, 'no verdict shown');
      const shown = await (await fetch(new URL(`/api/v1/audits/${id}?format=json`, base))).json();
      expectEqual(shown.order && shown.order.id, 'PO-2024-0117', `order id of audit ${id} (GET /api/v1/audits/${id})`);
      await checkDownloads(page, 'audit-downloads', base, ['csv', 'xlsx']);
    });

    await step('screenshot at 1280 px', async () => {
      await page.select('#gpu', H100);
      await click(page, 'run-report');
      await frameHasCharts(page, 'report-frame', base);
      await page.evaluate(() => { window.scrollTo(0, 0); document.getElementById('controls').scrollTop = 0; });
      await page.screenshot({ path: path.join(workDir, 'page-1280.png'), fullPage: false });
    });

    await step('keyboard: Tab goes through the controls in order to #run-report, with a visible focus', async () => {
      await page.goto(base, { waitUntil: 'load' });
      await page.waitForSelector(`#gpu option[value="${H100}"]`);
      const order = [];
      for (let i = 0; i < 30 && order[order.length - 1] !== 'run-report'; i++) {
        await page.keyboard.press('Tab');
        order.push(await page.evaluate(() => document.activeElement.id || document.activeElement.tagName));
      }
      expect(order.includes('run-report'), `Tab never reached #run-report: ${order.join(' ')}`);
      const expected = ['gpu', 'boundary', 'region', 'lifetime', 'pue', 'utilization', 'mc', 'seed', 'run-report'];
      const seen = order.filter((id) => expected.includes(id));
      expectEqual(seen.join(' '), expected.join(' '), 'the tab order');
      const outline = await page.$eval('#run-report', (b) => getComputedStyle(b).outlineStyle);
      expect(outline !== 'none', '#run-report has no visible focus outline');
      // Enter on the focused button runs the report.
      await page.keyboard.press('Enter');
      await waitIdle(page, 'run-report');
      await frameHasCharts(page, 'report-frame', base);
      expect(await page.$(`#report-table tr[data-impact="gwp100"]`), 'Enter on #run-report showed no report');
    });

    await step('375 px wide: no horizontal scroll of the page', async () => {
      await page.setViewport({ width: 375, height: 800 });
      await new Promise((r) => setTimeout(r, 300));
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width <= 375, `document.documentElement.scrollWidth is ${width} at 375 px`);
      await page.screenshot({ path: path.join(workDir, 'page-375.png'), fullPage: true });
      await page.setViewport({ width: 1280, height: 900 });
    });

    await step('print: the controls are hidden, the results are not', async () => {
      await page.emulateMediaType('print');
      const shown = await page.evaluate(() => ['controls', 'run-report', 'report-table', 'report-downloads']
        .map((id) => [id, document.getElementById(id).getClientRects().length > 0]));
      await page.emulateMediaType(null);
      const visible = Object.fromEntries(shown);
      expect(!visible.controls && !visible['run-report'], 'the controls are printed');
      expect(!visible['report-downloads'], 'the download links are printed');
      expect(visible['report-table'], 'the report table is not printed');
    });

    await step('no request left 127.0.0.1, and no script error', async () => {
      expect(outside.length === 0, `requests outside 127.0.0.1: ${outside.join(' ')}`);
      expect(pageErrors.length === 0, `script errors: ${pageErrors.join('; ')}`);
    });
  } finally {
    await browser.close();
    await stopServerGently();
  }
  console.log(`screenshots: ${path.join(workDir, 'page-1280.png')} ${path.join(workDir, 'page-375.png')}`);
  console.log(`serve_page_test: ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

const watchdog = setTimeout(() => {
  console.error('serve_page_test: FAIL: gave up after 600 s');
  stopServer();
  process.exit(1);
}, 600000);
try {
  await main();
} catch (e) {
  failures.push(e.message);
  console.error(`serve_page_test: FAIL: ${e.stack || e.message}`);
}
clearTimeout(watchdog);
stopServer();
console.log(`${passed} passed, ${failures.length} failed`);
if (failures.length) {
  console.error(`serve_page_test: failed:\n  ${failures.join('\n  ')}`);
  if (serverLog) console.error(`gpulca serve's log:\n${serverLog.slice(-4000)}`);
  process.exit(1);
}
process.exit(0);
