// Browser tests: a real headless Chromium (the system's) drives a real Ponte server with the
// demo data. It signs in, switches language, browses the programme and the registry, uses the
// htmx search, and runs axe-core on every page type with the WCAG 2.0, 2.1 and 2.2 A and AA rules
// and axe's best practices: a violation of any impact, minor included, fails. It also fails on any
// Content-Security-Policy violation in any page of any browser context the suite opens (reported
// by the page's `securitypolicyviolation` event and by the browser's console), on any page type
// that scrolls sideways at 390 px wide (a phone), and on any error the W3C Nu HTML Checker (npm
// vnu-jar, run on the HTML each page type was served with) finds. A missing ISTAT file fails the
// run with what is missing, unless PONTE_TEST_SKIP names `shared-data` (scripts/test refuses it).
// The server sends its email to a small SMTP server of the suite's own, so that the links of a
// password reset and of an invitation are followed from the messages, as a person would.

import { chromium } from 'playwright-core';
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, existsSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { measureWeight, BUDGETS } from './weight.mjs';

const require = createRequire(import.meta.url);
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const binary = process.env.PONTE_BIN || join(root, 'target/debug/ponte');
const chromiumPath = process.env.PONTE_CHROMIUM || '/usr/bin/chromium';
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const istat = join(process.env.PONTE_TEST_DATA || resolve(root, '../shared/data'), 'istat/Elenco-comuni-italiani.csv');
// What the person running the tests asked to skip (a comma-separated list, as for the Rust tests).
const skipped = (what) => (process.env.PONTE_TEST_SKIP || '').split(',').some((s) => s.trim() === what);
const withIstat = existsSync(istat);
if (!withIstat && !skipped('shared-data')) {
  console.log(`${istat} is missing. The official data files are read from the shared data folder beside the repository (../shared/data) or from PONTE_TEST_DATA; the ISTAT list is ISTAT's Elenco-comuni-italiani.csv. Set PONTE_TEST_SKIP=shared-data to skip the municipality search on purpose.`);
  process.exit(1);
}

const failures = [];
const fail = (message) => { failures.push(message); console.log(`  FAIL ${message}`); };
const check = (condition, message) => { if (!condition) fail(message); };

function freePort() {
  return new Promise((ok) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => ok(port)); });
  });
}

async function waitFor(url) {
  for (let i = 0; i < 200; i++) {
    try { const r = await fetch(url); if (r.ok) return; } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the server did not answer at ${url}`);
}

// A mail server that keeps every message it is sent (the body decoded as the transfer encoding
// says), for the tests to read the links in them.
const mails = [];
function decodeMail(raw) {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const body = raw.slice(split + 4).replace(/^\.\./gm, '.');
  const header = (name) => (head.match(new RegExp(`^${name}:\\s*(.*)$`, 'im')) || [])[1] || '';
  const encoding = header('Content-Transfer-Encoding').trim().toLowerCase();
  let text;
  if (encoding === 'base64') text = Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  else if (encoding === 'quoted-printable') text = Buffer.from(body.replace(/=\r\n/g, '').replace(/=([0-9A-Fa-f]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8');
  else text = Buffer.from(body, 'latin1').toString('utf8');
  return { to: header('To'), text };
}
const smtp = createServer((socket) => {
  socket.setEncoding('latin1');
  let buffer = '';
  let data = null;
  socket.on('error', () => {});
  socket.write('220 ponte-test ESMTP\r\n');
  socket.on('data', (chunk) => {
    buffer += chunk;
    for (;;) {
      if (data !== null) {
        const end = buffer.indexOf('\r\n.\r\n');
        if (end < 0) return;
        mails.push(decodeMail(buffer.slice(0, end)));
        buffer = buffer.slice(end + 5);
        data = null;
        socket.write('250 kept\r\n');
        continue;
      }
      const i = buffer.indexOf('\r\n');
      if (i < 0) return;
      const verb = buffer.slice(0, i).slice(0, 4).toUpperCase();
      buffer = buffer.slice(i + 2);
      if (verb === 'EHLO') socket.write('250-ponte-test\r\n250 8BITMIME\r\n');
      else if (verb === 'DATA') { data = ''; socket.write('354 go on\r\n'); }
      else if (verb === 'QUIT') { socket.end('221 bye\r\n'); return; }
      else socket.write('250 OK\r\n');
    }
  });
});
await new Promise((ok) => smtp.listen(0, '127.0.0.1', ok));
// The path of the first link to `path` in a message to `to`, waiting for the message to arrive.
async function linkIn(to, path) {
  const pattern = new RegExp(`${path}[^\\s"<>]+`);
  for (let i = 0; i < 300; i++) {
    const mail = mails.find((m) => m.to.includes(to) && pattern.test(m.text));
    if (mail) return mail.text.match(pattern)[0];
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no message to ${to} with a link to ${path} (${mails.length} messages kept)`);
}

const dataDir = mkdtempSync(join(tmpdir(), 'ponte-browser-'));
const env = {
  ...process.env, PONTE_DATA_DIR: dataDir, DATABASE_URL: `sqlite://${join(dataDir, 'ponte.db')}`, PONTE_LOG: 'warn',
  SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.address().port), SMTP_TLS: 'none',
};
execFileSync(binary, ['demo'], { env, stdio: 'ignore' });
if (withIstat) {
  execFileSync(binary, ['import', 'istat', istat], { env, stdio: 'ignore' });
} else {
  console.log(`SKIPPED (PONTE_TEST_SKIP=shared-data): ${istat} is missing; the municipality search is tested without data`);
}
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const server = spawn(binary, ['serve', '--bind', `127.0.0.1:${port}`], { env, stdio: ['ignore', 'ignore', 'inherit'] });
let browser;

// The HTML each page type was served with, for the Nu HTML Checker at the end: the main frame's
// last document response of each page (htmx updates change the DOM, not the served document).
const served = new WeakMap();
const pagesToValidate = [];
function track(page) {
  page.on('response', (r) => {
    if (r.request().isNavigationRequest() && r.frame() === page.mainFrame() && (r.status() < 300 || r.status() >= 400)) served.set(page, r);
  });
  return page;
}

// A phone is 390 px wide: no page may scroll sideways there. The viewport is narrowed in place,
// so that pages reached by a form or a click are checked in the state the test put them in.
async function phoneWidth(page, label) {
  const previous = page.viewportSize();
  if (previous.width !== 390) await page.setViewportSize({ width: 390, height: 844 });
  const overflow = await page.evaluate(() => {
    const doc = document.scrollingElement || document.documentElement;
    const wide = doc.scrollWidth - doc.clientWidth;
    window.scrollTo(10000, window.scrollY);
    const scrolled = window.scrollX;
    window.scrollTo(0, window.scrollY);
    if (wide <= 0 && scrolled === 0) return null;
    const culprits = [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > doc.clientWidth + 1 && getComputedStyle(e).position !== 'fixed')
      .filter((e) => ![...e.children].some((c) => c.getBoundingClientRect().right > doc.clientWidth + 1))
      .slice(0, 3)
      .map((e) => `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${e.className && typeof e.className === 'string' ? `.${e.className.trim().split(/\s+/).join('.')}` : ''}`);
    return { width: doc.scrollWidth, culprits };
  });
  if (overflow) fail(`phone ${label}: the page is ${overflow.width} px wide at 390 px (${overflow.culprits.join(', ')})`);
  if (previous.width !== 390) await page.setViewportSize(previous);
}

async function keepForValidation(page, label) {
  const response = served.get(page);
  if (!response) { fail(`${label}: no document response to validate`); return; }
  try {
    pagesToValidate.push({ label, url: response.url(), html: await response.text() });
  } catch (e) {
    fail(`${label}: the served HTML could not be read (${e.message})`);
  }
}

// WCAG 2.0, 2.1 and 2.2 at levels A and AA (wcag22a does not exist: 2.2 added no level-A rule to
// axe), and axe's best practices.
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

async function axe(page, label) {
  await keepForValidation(page, label);
  await phoneWidth(page, label);
  await page.evaluate(axeSource);
  const result = await page.evaluate(async (AXE_TAGS) => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { runOnly: { type: 'tag', values: AXE_TAGS } });
    return { rules: r.passes.length + r.violations.length + r.incomplete.length, violations: r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) })) };
  }, AXE_TAGS);
  for (const v of result.violations) fail(`axe ${label}: ${v.impact} ${v.id} (${v.help}) at ${v.nodes.join(', ')}`);
  check(result.rules > 0, `axe ${label}: no rule applied`);
  console.log(`  axe ${label}: ${result.violations.length} violations (${result.rules} rules applied)`);
}

async function visit(page, path, label, expectStatus = 200) {
  const response = await page.goto(base + path);
  check(response.status() === expectStatus, `${label}: status ${response.status()} instead of ${expectStatus}`);
  await axe(page, label);
}

// Visits a page in Italian, English and French (chosen by the language cookie, as the header's
// language links do), each checked with axe and kept for the HTML checker; back to Italian after.
async function inLanguages(page, path, label, expectStatus = 200) {
  for (const lang of ['it', 'en', 'fr']) {
    await page.context().addCookies([{ name: 'ponte_lang', value: lang, url: base }]);
    await visit(page, path, `${label} (${lang})`, expectStatus);
    check((await page.getAttribute('html', 'lang')) === lang, `${label} is shown in ${lang}`);
  }
  await page.context().addCookies([{ name: 'ponte_lang', value: 'it', url: base }]);
}

// Runs the W3C Nu HTML Checker (vnu.jar, on the system's Java) once on every kept page: any error
// fails, warnings are only counted.
function validate(pages) {
  const dir = mkdtempSync(join(tmpdir(), 'ponte-vnu-'));
  try {
    const files = pages.map((p, i) => {
      const file = join(dir, `${String(i).padStart(3, '0')}.html`);
      writeFileSync(file, p.html);
      return file;
    });
    const jar = require.resolve('vnu-jar/build/dist/vnu.jar');
    // With --format json the report goes to standard error.
    const run = spawnSync('java', ['-jar', jar, '--format', 'json', '--exit-zero-always', ...files], { encoding: 'utf8', maxBuffer: 64 << 20 });
    let report;
    try {
      report = JSON.parse(run.stderr);
    } catch {
      fail(`the Nu HTML Checker did not run: ${run.error ? run.error.message : run.stderr.slice(0, 500)}`);
      return;
    }
    const messages = report.messages || [];
    let warnings = 0;
    for (const m of messages) {
      const i = files.findIndex((f) => m.url && decodeURIComponent(m.url).endsWith(f));
      const where = i >= 0 ? `${pages[i].label} (${pages[i].url.replace(base, '')})` : m.url;
      if (m.type === 'error' || m.type === 'non-document-error') fail(`Nu ${where}:${m.lastLine ?? ''}: ${m.message}${m.extract ? ` [${m.extract.replace(/\s+/g, ' ').trim().slice(0, 120)}]` : ''}`);
      else warnings++;
    }
    console.log(`  Nu HTML Checker: ${messages.length - warnings} errors, ${warnings} warnings`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// CSP violations, as the page reports them and as the browser's console does, with the page's address.
const cspErrors = [];
const watchedPages = new Set();
let watchedContexts = 0;
async function watch(context) {
  watchedContexts++;
  await context.exposeBinding('__ponteCspViolation', ({ page }, v) => {
    cspErrors.push(`${page.url().replace(base, '')}: ${v.directive} blocked ${v.blocked || 'inline'}${v.source ? ` at ${v.source}:${v.line}` : ''}${v.sample ? ` (${v.sample})` : ''}`);
  });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      // eslint-disable-next-line no-undef
      window.__ponteCspViolation({ directive: e.effectiveDirective, blocked: e.blockedURI, source: e.sourceFile, line: e.lineNumber, sample: e.sample });
    });
  });
  context.on('page', (p) => {
    watchedPages.add(p);
    p.on('pageerror', (e) => fail(`script error on ${p.url().replace(base, '')}: ${e.message}`));
  });
  context.on('console', (m) => {
    if (m.type() === 'error' && /Content[ -]Security[ -]Policy|Refused to/i.test(m.text())) cspErrors.push(`${m.page() ? m.page().url().replace(base, '') : ''}: console: ${m.text()}`);
  });
  return context;
}

async function signIn(p, email) {
  await p.goto(`${base}/sign-in`);
  await p.fill('#f-email', email);
  await p.fill('#f-password', 'ponte-demo');
  await Promise.all([p.waitForNavigation(), p.click('main button[type=submit]')]);
}

// The journeys of the later features, each in its own module under journeys/, get what they need
// from the suite: the server's address, the checks, axe with the phone width and the HTML kept
// for the Nu checker, the three languages, signing in, and the emails the server sent.
const JOURNEYS = ['network', 'proposal', 'community'];
async function journeys(only) {
  const tools = { base, browser, check, fail, axe, visit, inLanguages, phoneWidth, signIn, linkIn, mails, track };
  for (const name of JOURNEYS) {
    if (only && only !== name) continue;
    const { journey } = await import(`./journeys/${name}.mjs`);
    await journey(tools);
  }
}

try {
  browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  // Every browser context the suite opens (here and in weight.mjs) is watched: a page's
  // `securitypolicyviolation` event (an init script, so it runs in every document before the
  // page's own scripts), the browser's console messages about the policy, and script errors.
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => watch(await newContext(options));
  await waitFor(`${base}/health`);
  const context = await browser.newContext({ locale: 'it-IT', viewport: { width: 1280, height: 900 } });
  const page = track(await context.newPage());
  // While a journey is being written, PONTE_BROWSER_JOURNEY=name runs it alone, then the HTML
  // check and the CSP report; scripts/test refuses the variable, so a full run runs every test.
  if (process.env.PONTE_BROWSER_JOURNEY) {
    await journeys(process.env.PONTE_BROWSER_JOURNEY);
    throw new Error('__journey_only__');
  }

  console.log('Guest pages');
  await visit(page, '/', 'home');
  // The listener hears a violation: a script written into the page is refused, and reported.
  await page.evaluate(() => { const s = document.createElement('script'); s.textContent = 'window.__inline = 1'; document.body.append(s); });
  // Both reports are awaited (the event's and the console's), then taken out of the list.
  const reported = () => [cspErrors.some((e) => !e.includes(': console: ') && e.includes('script-src')), cspErrors.some((e) => e.includes(': console: '))];
  for (let i = 0; i < 50 && !reported().every(Boolean); i++) await new Promise((r) => setTimeout(r, 100));
  const [event, console_] = reported();
  cspErrors.splice(0);
  check(event && console_ && (await page.evaluate(() => window.__inline === undefined)), `an inline script is refused and both CSP listeners report it (event: ${event}, console: ${console_})`);
  check((await page.getAttribute('html', 'lang')) === 'it', 'the default language is Italian');
  await visit(page, '/programme', 'programme overview');
  check(await page.isVisible('text=1,5 giornate in presenza'), 'planned days are shown as the seed writes them');
  if (process.env.PONTE_SCREENSHOT) await page.screenshot({ path: process.env.PONTE_SCREENSHOT, fullPage: false });
  await page.click('a:has-text("Creazione dei Quadri Logici")');
  await page.waitForURL(/\/programme\/modules\//);
  await axe(page, 'module');
  await page.goto(`${base}/programme`);
  await page.click('a:has-text("Nuovo gruppo di amministrazioni provinciali")');
  await page.waitForURL(/\/programme\/cohorts\//);
  check(await page.isVisible('text=Provincia di Agrigento'), 'the cohort lists its provinces');
  await axe(page, 'cohort');
  await visit(page, '/programme/strands/A', 'strand with modules');
  await visit(page, '/programme/strands/C', 'strand without modules');
  await visit(page, '/sign-in', 'sign-in');
  await visit(page, '/password/forgot', 'password forgotten');
  await visit(page, '/info/accessibility', 'information page');
  await visit(page, '/no/such/page', 'not found', 404);

  console.log('Language');
  await page.goto(`${base}/programme`);
  await page.click('a[hreflang="en"]');
  await page.waitForURL(`${base}/programme`);
  check((await page.getAttribute('html', 'lang')) === 'en', 'switching to English');
  check(await page.isVisible('h2:has-text("General objective")'), 'English headings');
  check(await page.isVisible('text=1.5 days in person'), 'English numbers');
  await axe(page, 'programme in English');
  await page.click('a[hreflang="fr"]');
  check((await page.getAttribute('html', 'lang')) === 'fr', 'switching to French');
  check(await page.isVisible('h2:has-text("Objectif général")'), 'French headings');
  await axe(page, 'programme in French');
  await page.click('a[hreflang="it"]');
  check((await page.getAttribute('html', 'lang')) === 'it', 'back to Italian');

  console.log('Sign-in');
  await page.goto(`${base}/sign-in`);
  await page.fill('#f-email', 'admin@ponte.example');
  await page.fill('#f-password', 'wrong password');
  await page.click('main button[type=submit]');
  check(await page.isVisible('text=Email o password non corrette'), 'a wrong password is refused with a clear message');
  await axe(page, 'sign-in with error');
  await page.fill('#f-email', 'admin@ponte.example');
  await page.fill('#f-password', 'ponte-demo');
  await Promise.all([page.waitForNavigation(), page.click('main button[type=submit]')]);
  check(await page.isVisible('header >> text=Giulia Ferri'), 'the header shows who is signed in');

  console.log('Signed-in pages');
  await visit(page, '/profile', 'profile');
  await visit(page, '/organisations', 'organisations');
  await page.fill('#f-q', 'Foggia');
  await page.waitForFunction(() => document.querySelectorAll('#org-results tbody tr').length === 1);
  check((await page.textContent('#org-results')).includes('Provincia di Foggia'), 'htmx search updates the table');
  check(page.url().includes('q=Foggia'), 'htmx search keeps the address in step');
  await page.click('#org-results a:has-text("Provincia di Foggia")');
  await page.waitForURL(/\/organisations\/[0-9a-f-]+$/);
  await axe(page, 'organisation');
  await page.click('a:has-text("Apri lo spazio di lavoro")');
  await page.waitForURL(/\/workspace$/);
  check(await page.isVisible('text=Elena Russo'), 'the tutor appears in the workspace');
  await axe(page, 'workspace');
  await visit(page, '/municipalities', 'municipalities');
  if (withIstat) {
    await page.fill('#f-q', 'città di ca');
    await page.waitForSelector('#municipality-results tbody tr');
    check((await page.textContent('#municipality-results')).includes('Città di Castello'), 'municipality search ignores accents');
    await axe(page, 'municipality results');
  }
  await visit(page, '/admin/users', 'users');
  await visit(page, '/admin/invitations', 'invitations');
  await visit(page, '/admin/audit', 'audit log');
  await visit(page, '/admin/organisations/new', 'new organisation');
  await page.fill('#f-name', 'Comune di prova');
  await page.fill('#f-tax_code', '12345678901');
  await page.click('main form button[type=submit]');
  check(await page.isVisible('text=la cifra di controllo non corrisponde'), 'the form explains a wrong tax code');
  await axe(page, 'form with errors');
  await page.goto(`${base}/organisations?q=Cosenza`);
  await page.click('#org-results a:has-text("Provincia di Cosenza")');
  await page.waitForURL(/\/organisations\/[0-9a-f-]+$/);
  await page.click('main a:has-text("Modifica")');
  await page.waitForURL(/\/edit$/);
  await axe(page, 'edit organisation');
  // Someone else saves meanwhile: this form is now stale.
  const action = await page.getAttribute('main form', 'action');
  const other = await context.request.post(base + action, {
    form: { version: '1', category: 'italian_pa', name: 'Provincia di Cosenza', pa_kind: 'provincia', region_code: '18', province_code: 'CS', website: 'https://provincia.cosenza.example' },
    headers: { origin: base },
  });
  check(other.ok(), `the concurrent save succeeded (${other.status()})`);
  await page.fill('#f-website', 'https://www.provincia.cs.it');
  await page.click('main form button[type=submit]');
  check(await page.isVisible('text=Qualcun altro ha salvato questa scheda'), 'a stale save shows the conflict view');
  check((await page.inputValue('#f-website')) === 'https://www.provincia.cs.it', 'the conflict view keeps what was typed');
  await axe(page, 'edit conflict');

  console.log('Mobile');
  await page.setViewportSize({ width: 390, height: 844 });
  await visit(page, '/programme', 'programme on a phone');
  await page.click('button.custom-navbar-toggler');
  await page.waitForSelector('#main-nav a:has-text("Programma")', { state: 'visible' });
  const pageState = () => page.evaluate(() => ({
    inert: document.querySelector('main').hasAttribute('inert'),
    overflow: getComputedStyle(document.body).overflow,
    open: document.body.classList.contains('navbar-open'),
  }));
  await page.waitForFunction(() => document.getElementById('main-nav').contains(document.activeElement));
  const open = await pageState();
  check(open.inert && open.overflow === 'hidden', `the open phone menu makes the page inert and still (${JSON.stringify(open)})`);
  // The window widens with the menu open: the button is hidden there, so the menu must close.
  await page.setViewportSize({ width: 1280, height: 400 });
  await page.waitForFunction(() => !document.body.classList.contains('navbar-open'), null, { timeout: 5000 }).catch(() => {});
  const wide = await pageState();
  check(!wide.inert && wide.overflow !== 'hidden', `widened past the phone's width the menu closes, the page is usable again (${JSON.stringify(wide)})`);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.mouse.move(640, 300);
  await page.mouse.wheel(0, 200);
  await page.waitForFunction(() => window.scrollY > 0, null, { timeout: 2000 }).catch(() => {});
  const scrolled = await page.evaluate(() => window.scrollY);
  check(scrolled > 0, `widened past the phone's width the page scrolls again (scrollY ${scrolled})`);
  const clickable = await page.click('main a >> nth=0', { trial: true, timeout: 5000 }).then(() => true, () => false);
  check(clickable, 'widened past the phone\'s width the page\'s links take a click again');
  check(await page.isVisible('#main-nav a:has-text("Programma")'), 'the wide main menu shows after the phone menu closed');

  console.log('Sign-out');
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${base}/`);
  await Promise.all([page.waitForNavigation(), page.click('header button:has-text("Esci")')]);
  check(page.url().startsWith(`${base}/sign-in`), 'sign-out leads to the sign-in page');
  await page.goto(`${base}/admin/audit`);
  check(page.url().startsWith(`${base}/sign-in?next=`), 'after sign-out the audit log asks to sign in');

  console.log('Labs: staff schedule a session, a participant registers and checks in');
  await visit(page, '/labs', 'labs calendar');
  await visit(page, '/labs?view=list', 'labs list');
  await signIn(page, 'staff@ponte.example');
  await visit(page, '/labs/dashboard', 'labs dashboard');
  await visit(page, '/labs/attendance', 'attendance report');
  await visit(page, '/programme/structure', 'programme structure');
  await visit(page, '/programme/modules/new?strand=B', 'new module form');
  await visit(page, '/programme/cohorts/new', 'new cohort form');
  await visit(page, '/certificates/ABCD-EFGH-JKMN', 'unknown certificate', 404);
  await page.goto(`${base}/labs/dashboard`);
  const results = await page.getAttribute('a[href$="/feedback/results"]', 'href');
  await visit(page, results.replaceAll('&#x2f;', '/'), 'feedback results');
  check(await page.isVisible('svg[role=img]'), 'feedback results are charted');
  await visit(page, '/tutoring/workload', 'tutoring workload');
  // The structure's edit forms: a strand's texts, a module, a cohort.
  await page.goto(`${base}/programme/structure`);
  const textsForm = await page.getAttribute('main a[href^="/programme/texts/strands/"]', 'href');
  await visit(page, textsForm, 'strand texts form');
  await page.goto(`${base}/programme/strands/A`);
  await page.locator('main a[href^="/programme/modules/"]').first().click();
  await page.waitForURL(/\/programme\/modules\/[0-9a-f-]{36}$/);
  await visit(page, new URL(page.url()).pathname + '/edit', 'module form');
  await page.goto(`${base}/programme`);
  await page.click('a:has-text("Nuovo gruppo di amministrazioni provinciali")');
  await page.waitForURL(/\/programme\/cohorts\//);
  await visit(page, new URL(page.url()).pathname + '/edit', 'cohort form');
  // A session starting in 20 minutes (Rome time), so that check-in is already open. Near midnight
  // the session would end the next day: then it is scheduled for tomorrow and check-in is skipped.
  const rome = (d) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Rome', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(d).split(' ');
  let [date, start] = rome(new Date(Date.now() + 20 * 60000));
  let [endDate, end] = rome(new Date(Date.now() + 80 * 60000));
  const checkInToday = date === endDate;
  if (!checkInToday) { [date] = rome(new Date(Date.now() + 24 * 3600000)); start = '10:00'; end = '12:00'; }
  await visit(page, '/labs/sessions/new', 'schedule form');
  await page.selectOption('#f-module_id', { index: 1 });
  await page.selectOption('#f-cohort_id', { index: 1 });
  // The title carries markup: it must come back as text, and no script may run (security pass).
  await page.fill('#f-title', 'Giornata di prova <img src=x onerror="window.__xss=1"><script>window.__xss=1</script>');
  await page.fill('#f-date', date);
  await page.fill('#f-start', start);
  await page.fill('#f-end', end);
  await page.fill('#f-place', 'Salerno, Sala Bottiglieri');
  await page.fill('#f-capacity', '20');
  await Promise.all([page.waitForNavigation(), page.click('main button[type=submit]:has-text("Salva la giornata")')]);
  if (await page.isVisible('#f-overlap')) {
    await page.check('#f-overlap');
    await Promise.all([page.waitForNavigation(), page.click('main button[type=submit]:has-text("Salva la giornata")')]);
  }
  check(/\/labs\/sessions\/[0-9a-f-]{36}$/.test(page.url()), `scheduling leads to the session page (${page.url()})`);
  const sessionUrl = page.url();
  check(await page.isVisible('h1:has-text("<script>window.__xss=1</script>")'), 'the markup in the title is shown as text');
  for (const path of [sessionUrl.replace(base, ''), '/labs?view=list', '/labs/dashboard', '/labs']) {
    await page.goto(base + path);
    check(await page.evaluate(() => window.__xss === undefined), `no injected script runs on ${path}`);
  }
  await page.goto(sessionUrl);
  const code = (await page.textContent('.labs-code')).trim();
  check(/^[A-Z0-9]{6}$/.test(code), 'staff see the check-in code');
  await axe(page, 'session page for staff');
  await visit(page, `${sessionUrl.replace(base, '')}/edit`, 'session form');
  const participant = track(await (await browser.newContext({ locale: 'it-IT', viewport: { width: 1280, height: 900 } })).newPage());
  await signIn(participant, 'membro@ponte.example');
  await participant.goto(sessionUrl);
  await Promise.all([participant.waitForNavigation(), participant.click('button:has-text("Iscriviti")')]);
  check(await participant.isVisible('text=Sei iscritto a questa giornata'), 'the participant is registered');
  if (checkInToday) {
    await participant.fill('#f-code', code.toLowerCase());
    await Promise.all([participant.waitForNavigation(), participant.click('button:has-text("Registra la presenza")')]);
    check(await participant.isVisible('text=Presenza registrata'), 'the participant checked in with the code');
  } else {
    console.log('  check-in skipped: the session could not start today (close to midnight in Rome)');
  }
  await axe(participant, 'session page for a participant');
  await visit(participant, '/labs/mine', 'my labs');
  await visit(participant, '/', 'home of a signed-in participant');
  check(await participant.isVisible('h2:has-text("Per te")'), 'the home page shows what is the person\'s own');
  check(await participant.isVisible('#main-nav a:has-text("La mia amministrazione")'), 'the main menu leads to the person\'s administration');
  await page.goto(`${sessionUrl}/register`);
  check(await page.isVisible('text=Francesca Greco'), 'the register lists the participant');
  await axe(page, 'attendance register');

  console.log('Library: search with facets, a document, the upload form, the vocabularies');
  await visit(participant, '/library?q=riunione', 'library search');
  check(await participant.isVisible('ol.results mark'), 'search results highlight the words found');
  const facet = participant.locator('ul.facet a').first();
  const facetLabel = (await facet.textContent()).trim();
  await Promise.all([participant.waitForNavigation(), facet.click()]);
  check(await participant.isVisible(`a.chip:has-text("${facetLabel}")`), 'a chosen facet shows as an active filter');
  await axe(participant, 'library search with a filter');
  await participant.goto(`${base}/library?q=Tunisia`);
  await Promise.all([participant.waitForNavigation(), participant.locator('ol.results h3 a').first().click()]);
  check(await participant.isVisible('h1:has-text("Tunisia")'), 'the best result for Tunisia has it in its title');
  await axe(participant, 'library document');
  // Staff may edit any document.
  await visit(page, `${new URL(participant.url()).pathname}/edit`, 'library document form');
  const download = await participant.getAttribute('a[download]', 'href');
  const file = await participant.request.get(base + download);
  check(file.ok() && (file.headers()['content-disposition'] || '').startsWith('attachment'), 'the document downloads as an attachment');
  await visit(participant, '/library/documents/new', 'library upload form');
  await Promise.all([participant.waitForNavigation(), participant.click('main button[type=submit]')]);
  check(await participant.isVisible('#e-title'), 'an empty upload form explains what is missing');
  await axe(participant, 'library form with errors');
  await visit(page, '/library/themes', 'library themes and sectors');
  await visit(participant, '/library/practices/new', 'good practice form');
  await participant.goto(`${base}/library?kind=good_practice&q=Cosenza`);
  await Promise.all([participant.waitForNavigation(), participant.locator('ol.results h3 a').first().click()]);
  check(await participant.isVisible('h2:has-text("La buona pratica")'), 'a good practice shows its structured record');
  await axe(participant, 'good practice');
  await visit(participant, '/library/map', 'library map');
  check(await participant.locator('svg a[href^="/library?place="]').count() >= 16, 'the map links each country of the two areas to its documents');
  await participant.setViewportSize({ width: 390, height: 844 });
  await visit(participant, '/library?q=turismo', 'library search on a phone');

  console.log('Products: the logframe editor, the review, comments and the tutor inbox');
  await participant.setViewportSize({ width: 1280, height: 900 });
  await participant.goto(`${base}/organisations?q=Salerno`);
  await participant.click('#org-results a:text-is("Provincia di Salerno")');
  await participant.waitForURL(/\/organisations\/[0-9a-f-]+$/);
  const salernoUrl = participant.url();
  await visit(participant, salernoUrl.replace(base, '') + '/workspace', 'workspace with products');
  await visit(participant, salernoUrl.replace(base, '') + '/products', 'product list');
  check(await participant.isVisible('text=Attività recenti'), 'the product list shows the activity feed');
  await visit(participant, salernoUrl.replace(base, '') + '/tutoring', 'tutoring log');
  await participant.goto(salernoUrl + '/products');
  await Promise.all([participant.waitForNavigation(), participant.click('main a:has-text("Budget — Turismo sostenibile con Durazzo")')]);
  check(await participant.isVisible('#budget-total'), 'the budget shows its total');
  check(await participant.isVisible('#budget-check .finding-breached'), 'the budget shows the rule it breaches');
  await axe(participant, 'budget product');
  await participant.goto(salernoUrl + '/products');
  await Promise.all([participant.waitForNavigation(), participant.click('main a:has-text("Quadro logico — Turismo sostenibile con Durazzo")')]);
  check(await participant.isVisible('table >> text=Logica d\'intervento'), 'the logframe shows as a matrix');
  check(await participant.isVisible('text=versione 1'), 'comments show the version they were made on');
  await axe(participant, 'logframe product');
  const productUrl = participant.url();
  await visit(participant, productUrl.replace(base, '') + '/analysis', 'problem and stakeholder analysis');
  check(await participant.isVisible('text=Albero degli obiettivi'), 'the analysis shows the objective tree');
  await participant.goto(productUrl);
  await Promise.all([participant.waitForNavigation(), participant.click('main a:has-text("Versioni")')]);
  await axe(participant, 'product versions');
  await Promise.all([participant.waitForNavigation(), participant.click('main button:has-text("Confronta")')]);
  check(await participant.isVisible('.diff-badge-added'), 'the comparison marks the added activity');
  await axe(participant, 'logframe comparison');
  await visit(participant, salernoUrl.replace(base, '') + '/products/new', 'new product form');
  await participant.fill('#f-title', 'Piano strategico di prova');
  await participant.selectOption('#f-kind', 'strategic_plan');
  await Promise.all([participant.waitForNavigation(), participant.click('main button:has-text("Crea il prodotto")')]);
  await axe(participant, 'strategic plan editor');
  // A text product: its Markdown is previewed beside the editor, as readers will see it.
  await participant.goto(salernoUrl + '/products/new');
  await participant.fill('#f-title', 'Piano di comunicazione di prova');
  await participant.selectOption('#f-kind', 'communication_plan');
  await Promise.all([participant.waitForNavigation(), participant.click('main button:has-text("Crea il prodotto")')]);
  await axe(participant, 'text product editor');
  await participant.fill('#f-markdown', '# Pubblici\n\n**Cittadini** e imprese');
  await participant.waitForFunction(() => document.querySelector('#preview strong') && document.querySelector('#preview strong').textContent === 'Cittadini');
  check(await participant.isVisible('#preview h2:has-text("Pubblici")'), 'the preview follows the typing');
  await visit(participant, '/products/models', 'models');
  await Promise.all([participant.waitForNavigation(), participant.locator('main ul a').first().click()]);
  await axe(participant, 'model');
  await participant.goto(salernoUrl + '/products/new');
  await visit(participant, salernoUrl.replace(base, '') + '/products/new', 'new product form');
  await participant.fill('#f-title', 'Quadro logico <script>window.__xss=1</script> Cattaro');
  await participant.selectOption('#f-kind', 'logframe');
  await Promise.all([participant.waitForNavigation(), participant.click('main button:has-text("Crea il prodotto")')]);
  check(/\/edit$/.test(participant.url()), `a new product opens in its editor (${participant.url()})`);
  await axe(participant, 'logframe editor');
  check(await participant.isVisible('#quality >> text=Manca un indicatore'), 'the quality check explains what is missing');
  await participant.fill('#f-r0-text', 'Amministrazioni locali più efficaci nelle Bocche di Cattaro');
  await participant.fill('#f-r1-text', 'Organizzare seminari');
  const reacted = await participant.waitForFunction(() => document.querySelector('#quality') && document.querySelector('#quality').textContent.includes('descrive un\'attività'), null, { timeout: 10000 }).then(() => true, () => false);
  check(reacted, `the live check reacts to typing (it says: ${(await participant.textContent('#quality')).replace(/\s+/g, ' ').trim().slice(0, 200)})`);
  await Promise.all([participant.waitForNavigation(), participant.click('button[value^="add:specific:"]')]);
  check(await participant.locator('li.lf-row').count() === 5, 'a row was added');
  check((await participant.inputValue('#f-r1-text')) === 'Organizzare seminari', 'typed text is saved with the structural change');
  // Drag the new specific objective (last row) above the first one.
  // The drag events are dispatched in the page: a mouse drag across a long, scrolling editor is
  // not reliable headless, and what is tested is the editor's handling of the drop.
  await Promise.all([participant.waitForNavigation(), participant.evaluate(() => {
    const rows = document.querySelectorAll('li.lf-row');
    const dataTransfer = new DataTransfer();
    rows[4].dispatchEvent(new DragEvent('dragstart', { bubbles: true, dataTransfer }));
    rows[1].dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer }));
    rows[1].dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer }));
  })]);
  check((await participant.inputValue('#f-r1-text')) === '', 'dragging moved the new objective first');
  check((await participant.inputValue('#f-r2-text')) === 'Organizzare seminari', 'the first objective follows');
  await Promise.all([participant.waitForNavigation(), participant.click('main button:has-text("Salva"):not(:has-text("continua"))')]);
  check(await participant.isVisible('text=Modifiche salvate'), 'saving leads to the product page');
  check(await participant.evaluate(() => window.__xss === undefined), 'no script injected in a product title runs');
  await Promise.all([participant.waitForNavigation(), participant.click('button:has-text("Invia al tutor")')]);
  check(await participant.isVisible('text=ha ancora errori'), 'a logframe with errors cannot be submitted');
  await signIn(page, 'tutor@ponte.example');
  await visit(page, '/', 'home of a tutor');
  check(await page.isVisible('a:has-text("da rivedere")'), 'a tutor\'s home page says what waits for review');
  await visit(page, '/tutoring', 'tutor inbox');
  check(await page.isVisible('text=Prima i prodotti che aspettano da più tempo'), 'the inbox says it lists the longest waiting first');
  check(await page.isVisible('text=Proposta di piano strategico'), 'the inbox lists products waiting for review');
  await Promise.all([page.waitForNavigation(), page.click('main a:has-text("Proposta di piano strategico")')]);
  check(await page.isVisible('svg .map-shade-4'), 'the strategic plan shows its target countries on the map');
  await axe(page, 'strategic plan');
  await page.goto(`${base}/tutoring`);
  await Promise.all([page.waitForNavigation(), page.click('main a:has-text("Quadro logico — Turismo sostenibile con Durazzo")')]);
  await page.selectOption('#f-anchor', { index: 2 });
  await page.fill('#f-body', 'Indicate anche la fonte dei dati.');
  await Promise.all([page.waitForNavigation(), page.click('button:has-text("Aggiungi il commento")')]);
  check(await page.isVisible('text=Indicate anche la fonte dei dati.'), 'the tutor comments an element');
  await Promise.all([page.waitForNavigation(), page.click('button:has-text("Approva")')]);
  check(await page.isVisible('text=Prodotto approvato'), 'the tutor approves');
  await visit(participant, '/notifications', 'notifications');
  check(await participant.isVisible('text=ha approvato'), 'the authors are told of the approval');

  console.log('Labs: the questionnaire after a held session and the certificate, in it/en/fr');
  const respondent = track(await (await browser.newContext({ locale: 'it-IT', viewport: { width: 1280, height: 900 } })).newPage());
  // The demo's last participants of a held session have not answered its questionnaire yet.
  await signIn(respondent, 'v.castronovo@provincia.agrigento.example');
  await respondent.goto(`${base}/labs/mine`);
  const questionnaire = await respondent.getAttribute('main a[href$="/feedback"]', 'href');
  check(!!questionnaire, 'my labs link the questionnaire of a held session');
  if (questionnaire) {
    await inLanguages(respondent, questionnaire.replaceAll('&#x2f;', '/'), 'feedback questionnaire');
    await Promise.all([respondent.waitForNavigation(), respondent.click('main form button[type=submit]')]);
    check(await respondent.isVisible('main [role=alert]'), 'an empty questionnaire explains what is missing');
    await axe(respondent, 'feedback questionnaire with errors');
  }
  const pdf = await participant.request.get(`${base}/labs/certificate`);
  const certificate = ((pdf.headers()['content-disposition'] || '').match(/([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4})\.pdf/) || [])[1];
  check(pdf.ok() && !!certificate, `the participant downloads a certificate with its code (${pdf.status()})`);
  if (certificate) {
    const verifier = track(await (await browser.newContext({ locale: 'it-IT', viewport: { width: 1280, height: 900 } })).newPage());
    await inLanguages(verifier, `/certificates/${certificate}`, 'certificate');
    check(await verifier.isVisible('text=Francesca Greco'), 'the certificate page names the participant');
  }

  console.log('Emailed links: a password reset and an invitation, in it/en/fr');
  const visitor = track(await (await browser.newContext({ locale: 'it-IT', viewport: { width: 1280, height: 900 } })).newPage());
  await visitor.goto(`${base}/password/forgot`);
  await visitor.fill('#f-email', 'coordinatore@ponte.example');
  await Promise.all([visitor.waitForNavigation(), visitor.click('main form button[type=submit]')]);
  const resetLink = await linkIn('coordinatore@ponte.example', '/password/reset/');
  await inLanguages(visitor, resetLink, 'password reset');
  await visitor.fill('#f-password', 'corta');
  await visitor.fill('#f-password_confirmation', 'diversa');
  await visitor.click('main form button[type=submit]');
  await visitor.waitForSelector('main [role=alert]');
  await axe(visitor, 'password reset with errors');
  await signIn(page, 'admin@ponte.example');
  await page.goto(`${base}/admin/invitations`);
  await page.fill('#f-email', 'nuova.collega@provincia.salerno.example');
  await page.selectOption('#f-role', 'member');
  await page.selectOption('#f-organisation', { label: 'Provincia di Salerno' });
  await Promise.all([page.waitForNavigation(), page.click('main form button[type=submit]')]);
  const invitationLink = await linkIn('nuova.collega@provincia.salerno.example', '/invitations/');
  await inLanguages(visitor, invitationLink, 'invitation');
  await Promise.all([visitor.waitForNavigation(), visitor.click('main form button[type=submit]')]);
  check(await visitor.isVisible('main [role=alert]'), 'an empty acceptance explains what is missing');
  await axe(visitor, 'invitation with errors');

  console.log('Territorial tables: the list, a table with its forms, its public page, in it/en/fr');
  await inLanguages(visitor, '/tables', 'tables for a guest');
  const publicPage = await visitor.getAttribute('main a[href$="/public"]', 'href');
  check(!!publicPage, 'a guest is offered the public page of a public table');
  await inLanguages(visitor, publicPage, 'table public page');
  const tablePage = publicPage.replace(/\/public$/, '');
  // Salerno's coordinator manages Salerno's table: its page shows every form of the secretariat.
  await signIn(page, 'coordinatore@ponte.example');
  await inLanguages(page, '/tables', 'tables for a coordinator');
  await inLanguages(page, tablePage, 'table page with its forms');
  check(await page.isVisible(`form[action="${tablePage}/members"]`), 'the coordinator is shown the form that adds a member');
  // The forms folded away (a member leaving) are checked open too.
  const folded = await page.evaluate(() => { const all = document.querySelectorAll('main details'); all.forEach((d) => { d.open = true; }); return all.length; });
  check(folded > 0, 'the table page folds a member\'s leaving form away');
  await axe(page, 'table page with every form open');
  await inLanguages(page, '/tables/new', 'new table form');
  await inLanguages(page, `${tablePage}/edit`, 'table edit form');
  // A refused form: the table page again, the message beside the field.
  await page.goto(base + tablePage);
  await page.fill('#member-joined_on', '2100-01-01');
  await Promise.all([page.waitForNavigation(), page.click(`form[action="${tablePage}/members"] button[type=submit]`)]);
  check(await page.isVisible('#e-member-joined_on'), 'a refused member form shows its message beside the field');
  await axe(page, 'table page with a refused form');
  await page.goto(`${base}/tables/new`);
  await Promise.all([page.waitForNavigation(), page.click('main form button[type=submit]')]);
  check(await page.isVisible('main [role=alert]'), 'an empty table form explains what is missing');
  await axe(page, 'new table form with errors');

  console.log('Meetings of a table: the meeting page, the convening and change forms, refusals, the feed');
  await page.goto(base + tablePage);
  const meetingPaths = await page.$$eval('#meetings a[href*="/meetings/"]', (as) => as.map((a) => a.getAttribute('href')).filter((h) => !h.endsWith('/new')));
  check(meetingPaths.length >= 2, `the table page lists the demo meetings (${meetingPaths.length})`);
  for (const [i, m] of meetingPaths.entries()) await inLanguages(page, m, `meeting page ${i + 1}`);
  // The held meeting shows its attendance form, the coming one its cancel form: both opened.
  for (const m of meetingPaths) {
    await page.goto(base + m);
    await page.evaluate(() => document.querySelectorAll('main details').forEach((d) => { d.open = true; }));
    await axe(page, `meeting page with its forms open (${m})`);
  }
  await inLanguages(page, `${tablePage}/meetings/new`, 'new meeting form');
  const comingMeetings = [];
  for (const m of meetingPaths) {
    await page.goto(base + m);
    if (await page.isVisible(`a[href="${m}/edit"]`)) comingMeetings.push(m);
  }
  check(comingMeetings.length >= 1, 'a meeting convened ahead offers its change form');
  if (comingMeetings.length) await inLanguages(page, `${comingMeetings[0]}/edit`, 'meeting change form');
  await page.goto(`${base}${tablePage}/meetings/new`);
  await page.fill('#f-date', '2001-01-01');
  await page.fill('#f-online_url', 'non un indirizzo');
  await Promise.all([page.waitForNavigation(), page.click('main form button[type=submit]')]);
  check(await page.isVisible('#e-date') && await page.isVisible('#e-online_url'), 'a refused meeting form shows its messages beside the fields');
  await axe(page, 'new meeting form with errors');
  const meetingFeed = await page.request.get(`${base}${tablePage}/meetings.ics`);
  check(meetingFeed.status() === 200 && (await meetingFeed.text()).includes('BEGIN:VEVENT'), 'the table\'s meeting feed answers with events');

  console.log('A table\'s journey: create it, add a member and its representative, convene, record attendance, draft, circulate, comment, approve, follow a commitment');
  {
    // Rome's date and time now and `minutes` ahead, as the forms take them.
    const rome = (minutes = 0) => {
      const parts = Object.fromEntries(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
        .formatToParts(new Date(Date.now() + minutes * 60000)).map((p) => [p.type, p.value]));
      return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
    };
    // The meeting is convened for two minutes ahead and its attendance recorded the same day: in
    // the last minutes of a day in Rome, the journey waits for the next (three minutes at most).
    while (rome(3).date !== rome().date) await new Promise((r) => setTimeout(r, 10000));
    await signIn(page, 'coordinatore@ponte.example');
    await page.goto(`${base}/tables/new`);
    await page.fill('#f-name', 'Tavolo del percorso di prova');
    await page.selectOption('#f-lead', { index: 1 });
    await page.fill('#f-territory', '065');
    await page.fill('#f-purpose', 'Provare il percorso completo di un tavolo territoriale.');
    // The check boxes are drawn by their labels: a person clicks the label.
    await page.click('label[for^="c-themes-"] >> nth=0');
    await page.click('label[for^="c-countries-"] >> nth=0');
    await Promise.all([page.waitForNavigation(), page.click('main form button[type=submit]')]);
    const journeyTable = new URL(page.url()).pathname;
    check(/^\/tables\/[0-9a-f-]{36}$/.test(journeyTable), `a new table is created and shown (${journeyTable})`);
    // A member from the registry, then its representative with an account.
    const chamber = await page.$eval('#member-organisation', (s) => [...s.options].find((o) => o.text.includes('Camera di commercio'))?.value);
    check(!!chamber, 'the chamber of commerce is offered as a member');
    await page.selectOption('#member-organisation', chamber);
    await Promise.all([page.waitForNavigation(), page.click('#member-form button[type=submit]')]);
    check(await page.isVisible('#members >> text=Camera di commercio'), 'the chamber of commerce is a member');
    await page.selectOption('#representative-organisation', chamber);
    await page.fill('#representative-name', 'Attore della Camera');
    await page.fill('#representative-email', 'attore@ponte.example');
    await Promise.all([page.waitForNavigation(), page.click('#representative-form button[type=submit]')]);
    check(await page.isVisible('#members >> text=Attore della Camera'), 'the representative is listed under the member');
    await axe(page, 'journey: table with a member and its representative');
    // Convened for later today: the representative receives the invitation.
    const start = rome(2);
    const end = rome(62).date === start.date ? rome(62) : { date: start.date, time: '23:59' };
    await page.goto(`${base}${journeyTable}/meetings/new`);
    await page.fill('#f-title', 'Riunione di insediamento');
    await page.fill('#f-date', start.date);
    await page.fill('#f-start', start.time);
    await page.fill('#f-end', end.time);
    await page.fill('#f-place', 'Sala della Giunta');
    await page.fill('#agenda0-title', 'Presentazione dei membri');
    await page.fill('#agenda0-presenter', 'La segreteria');
    await Promise.all([page.waitForNavigation(), page.click('main form button[type=submit]')]);
    const journeyMeeting = new URL(page.url()).pathname;
    check(/\/meetings\/[0-9a-f-]{36}$/.test(journeyMeeting), `the meeting is convened and shown (${journeyMeeting})`);
    const invitation = await linkIn('attore@ponte.example', `${journeyTable}/meetings/`).catch(() => null);
    check(invitation !== null, 'the representative receives the convocation with a link to the meeting');
    // Attendance, which makes the meeting held.
    const presence = await page.$eval('#attendance-form select[id^="presence-"]', (s) => s.id);
    await page.selectOption(`#${presence}`, 'present');
    await page.fill(`#${presence.replace('presence-', 'person-')}`, 'Attore della Camera');
    await Promise.all([page.waitForNavigation(), page.click('#attendance-form button[type=submit]')]);
    check(await page.isVisible('#minutes-draft-form'), 'once attendance is recorded, the minutes can be drafted');
    await axe(page, 'journey: held meeting');
    // Minutes: drafted from the agenda with a decision, then circulated with a deadline.
    await Promise.all([page.waitForNavigation(), page.click('#minutes-draft-form button[type=submit]')]);
    await page.fill('#s0-body', 'I membri si presentano e concordano il calendario dei lavori.');
    await page.fill('#s0-d0', 'La Camera di commercio prepara la mappa delle imprese interessate.');
    await axe(page, 'journey: minutes form');
    await Promise.all([page.waitForNavigation(), page.click('#minutes-form button[type=submit]')]);
    const minutesPage = `${journeyMeeting}/minutes`;
    check(new URL(page.url()).pathname === minutesPage, 'the saved minutes are shown');
    await page.fill('#minutes-deadline', rome(7 * 24 * 60).date);
    await Promise.all([page.waitForNavigation(), page.click('#circulate-form button[type=submit]')]);
    check(await page.isVisible('text=La Camera di commercio prepara la mappa'), 'the circulated minutes show their decision');
    // The representative comments on the section, in their own session.
    const actor = track(await (await browser.newContext({ locale: 'it-IT', viewport: { width: 390, height: 844 } })).newPage());
    await signIn(actor, 'attore@ponte.example');
    await inLanguages(actor, minutesPage, 'journey: circulated minutes for a representative');
    await actor.goto(base + minutesPage);
    const commentBox = await actor.$eval('textarea[id^="comment-"]', (t) => t.id);
    // The comment form of each section is folded under its summary: the person opens it.
    await actor.click(`details:has(#${commentBox}) > summary`);
    await actor.fill(`#${commentBox}`, 'Proponiamo di aggiungere le associazioni di categoria.');
    await Promise.all([actor.waitForNavigation(), actor.click(`form:has(#${commentBox}) button[type=submit]`)]);
    check(await actor.isVisible('text=Proponiamo di aggiungere le associazioni di categoria.'), 'the representative\'s comment is shown');
    await phoneWidth(actor, 'journey: minutes with a comment at 390 px');
    // Approved by the secretariat: then no comment is offered any more.
    await page.goto(base + minutesPage);
    await Promise.all([page.waitForNavigation(), page.click('#approve-form button[type=submit]')]);
    check(!(await page.isVisible('#approve-form')), 'approved minutes cannot be approved again');
    await actor.goto(base + minutesPage);
    check((await actor.locator('textarea[id^="comment-"]').count()) === 0, 'approved minutes take no more comments');
    await inLanguages(page, minutesPage, 'journey: approved minutes');
    // A commitment from the decision, followed by the organisation that owes it.
    await page.goto(`${base}${journeyMeeting}/commitments/new`);
    await page.fill('#f-what', 'Mappa delle imprese interessate ai Balcani occidentali');
    await page.selectOption('#f-organisation', chamber);
    await page.selectOption('#f-representative', { index: 1 });
    await page.fill('#f-due_on', rome(30 * 24 * 60).date);
    await page.selectOption('#f-decision', { index: 1 });
    await axe(page, 'journey: commitment form');
    await Promise.all([page.waitForNavigation(), page.click('main form button[type=submit]')]);
    const commitment = new URL(page.url()).pathname;
    check(/\/commitments\/[0-9a-f-]{36}$/.test(commitment), `the commitment is recorded and shown (${commitment})`);
    await actor.goto(base + commitment);
    await actor.selectOption('#progress-status', 'in_progress');
    await actor.fill('#progress-note', 'Raccolti i primi venti nominativi.');
    await Promise.all([actor.waitForNavigation(), actor.click('#progress-form button[type=submit]')]);
    check(await actor.isVisible('text=Raccolti i primi venti nominativi.'), 'the representative\'s update is in the commitment\'s history');
    await inLanguages(actor, commitment, 'journey: commitment followed by its owner');
    await page.goto(base + journeyTable);
    check(await page.isVisible('text=Mappa delle imprese interessate'), 'the table page lists the commitment');
  }

  console.log('Community: the spaces, a space, a thread with its forms, a new thread, an edit, the history, refusals, the reports');
  // Salerno's coordinator moderates Salerno's own space: the thread page shows every form.
  await inLanguages(page, '/community', 'community spaces');
  await page.goto(`${base}/community`);
  const salernoSpace = await page.$eval('main a[href^="/community/spaces/administration/"]', (a) => a.getAttribute('href'));
  await inLanguages(page, salernoSpace, 'community space');
  await inLanguages(page, `${salernoSpace}/new`, 'new discussion form');
  await inLanguages(page, '/community/search', 'discussion search form');
  await inLanguages(page, '/community/search?q=indicatori', 'discussion search results');
  await page.goto(base + salernoSpace);
  const threadPaths = await page.$$eval('main a[href^="/community/threads/"]', (as) => as.map((a) => a.getAttribute('href')));
  check(threadPaths.length >= 2, `Salerno's space lists the demo discussions (${threadPaths.length})`);
  const threadPath = threadPaths[threadPaths.length - 1];
  await inLanguages(page, threadPath, 'discussion page');
  await page.goto(base + threadPath);
  await page.evaluate(() => document.querySelectorAll('main details').forEach((d) => { d.open = true; }));
  await axe(page, 'discussion page with its forms open');
  const edited = await page.$eval('main a[href$="/history"]', (a) => a.getAttribute('href')).catch(() => null);
  check(edited !== null, 'the demo discussion shows an edited message with its history');
  if (edited) await inLanguages(page, edited, 'message history');
  await page.goto(base + threadPath);
  const editPath = await page.$eval('main a[href$="/edit"]', (a) => a.getAttribute('href')).catch(() => null);
  check(editPath !== null, 'the coordinator may edit their own message');
  if (editPath) await inLanguages(page, editPath, 'message edit form');
  await page.goto(base + threadPath);
  const reportPath = await page.$eval('main a[href$="/report"]', (a) => a.getAttribute('href')).catch(() => null);
  check(reportPath !== null, 'a message of someone else offers its report form');
  if (reportPath) {
    await inLanguages(page, reportPath, 'message report form');
    await page.goto(base + reportPath);
    await Promise.all([page.waitForNavigation(), page.click('main form button[type=submit]')]);
    check(await page.isVisible('#e-reason'), 'a report without a reason shows its message beside the field');
    await axe(page, 'message report form with a refused reason');
  }
  // Refused: an empty reply, an empty new discussion.
  await page.goto(base + threadPath);
  await Promise.all([page.waitForNavigation(), page.click('#reply button[type=submit]')]);
  check(await page.isVisible('#e-body'), 'an empty reply shows its message beside the field');
  await axe(page, 'discussion page with a refused reply');
  await page.goto(`${base}${salernoSpace}/new`);
  await Promise.all([page.waitForNavigation(), page.click('main form button[type=submit]')]);
  check(await page.isVisible('#e-title') && await page.isVisible('#e-body'), 'an empty discussion form shows its messages beside the fields');
  await axe(page, 'new discussion form with errors');
  await signIn(page, 'staff@ponte.example');
  await inLanguages(page, '/community/moderation', 'reports to moderate');

  console.log('Network: the map, a country, the open data, matchmaking and a group\'s relations graph, in it/en/fr');
  await inLanguages(visitor, '/network/map', 'network map for a guest');
  check(await visitor.locator('svg a[href^="/network/countries/"]').count() >= 1, 'the network map links regions to the countries they reach');
  await inLanguages(visitor, '/network/countries/AL', 'network country page');
  await inLanguages(visitor, '/network/open-data', 'network open data');
  await signIn(page, 'coordinatore@ponte.example');
  await inLanguages(page, '/network/map', 'network map for a coordinator');
  await inLanguages(page, '/network/match', 'matchmaking');
  check(await page.locator('main ol li article li').count() >= 1, 'matchmaking suggests administrations, each with its reasons');
  await page.goto(`${base}/network/countries/AL`);
  const networkGroup = await page.$eval('main a[href^="/network/groups/"]', (a) => a.getAttribute('href')).catch(() => null);
  check(networkGroup !== null, 'the country page links the groups aiming at it');
  if (networkGroup) await inLanguages(page, `${networkGroup}/graph`, 'group relations graph');

  await journeys();

  console.log('Weight: bytes of a first visit (compressed) and layout shift once the fonts load, at 390 px');
  for (const r of await measureWeight(browser, base)) {
    const bytes = BUDGETS.bytesOf[r.label] ?? BUDGETS.bytes;
    const cls = BUDGETS.clsOf[r.label] ?? BUDGETS.cls;
    console.log(`  ${r.label}: ${Math.round(r.bytes / 1024)} KiB in ${r.requests} requests, CLS ${r.cls.toFixed(3)}`);
    check(r.status === 200, `weight ${r.label}: status ${r.status}`);
    check(r.bytes <= bytes, `weight ${r.label}: ${r.bytes} bytes on a first visit, above the budget of ${bytes}`);
    check(r.cls < cls, `weight ${r.label}: layout shift ${r.cls.toFixed(3)} once the fonts load, above ${cls}`);
  }

  for (const e of cspErrors) fail(`CSP violation: ${e}`);
  console.log(`Content-Security-Policy: ${cspErrors.length} violations in ${watchedPages.size} pages of ${watchedContexts} browser contexts`);
  check(watchedPages.size >= 3, `only ${watchedPages.size} pages were watched for CSP violations`);

  console.log(`Nu HTML Checker on ${pagesToValidate.length} page types`);
  validate(pagesToValidate);
} catch (e) {
  if (e.message === '__journey_only__') {
    for (const e of cspErrors) fail(`CSP violation: ${e}`);
    console.log(`Nu HTML Checker on ${pagesToValidate.length} page types`);
    validate(pagesToValidate);
  } else {
    fail(`browser test stopped: ${e.stack || e}`);
  }
} finally {
  if (browser) await browser.close();
  server.kill('SIGTERM');
  smtp.close();
  rmSync(dataDir, { recursive: true, force: true });
}

if (failures.length) {
  console.log(`\nBrowser tests: ${failures.length} failure(s)`);
  process.exit(1);
}
console.log('\nBrowser tests: all passed');
