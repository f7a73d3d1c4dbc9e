// Screenshots of every page type, to compare the look of two builds (for example before and after
// a change to the style sheets): `node tests/browser/screenshots.mjs OUT_DIR` with a server of the
// demo data at PONTE_URL. It walks the links a guest, a member, a tutor and the staff see, keeps
// one page per address pattern (identifiers replaced), and saves each page whole at 1280 and
// 390 px wide, and the phone's open main menu, as PNG files named after the pattern.
// Run it against two servers of the same database, then `node tests/browser/compare.mjs A B`.

import { chromium } from 'playwright-core';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const base = process.env.PONTE_URL;
const out = process.argv[2];
if (!base || !out) {
  console.error('usage: PONTE_URL=http://127.0.0.1:PORT node tests/browser/screenshots.mjs OUT_DIR');
  process.exit(2);
}
mkdirSync(out, { recursive: true });

const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
const pattern = (path) => path.replace(uuid, ':id').replace(/\/\d{4}-\d{2}(-\d{2})?/g, '/:date');
// Addresses that change something, sign out, switch the language or are not pages.
const skip = /^\/(language|sign-out|assets|health)|\.(csv|xlsx|docx|pdf|ics|json|xml|zip)(\?|$)|\/(export|download|file|feed\.ics|calendar\.ics|api)(\/|\?|$)/;

const browser = await chromium.launch({ executablePath: process.env.PONTE_CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox'] });
const seen = new Map();

async function crawl(role, email, limit) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  if (email) {
    await page.goto(`${base}/sign-in`);
    await page.fill('#f-email', email);
    await page.fill('#f-password', 'ponte-demo');
    await Promise.all([page.waitForNavigation(), page.click('main button[type=submit]')]);
  }
  const queue = ['/', '/programme', '/labs', '/labs?view=list', '/labs/mine', '/library', '/library?q=turismo', '/library/map',
    '/organisations', '/organisations?q=Salerno', '/tutoring', '/profile', '/notifications', '/admin/users', '/admin/audit',
    '/admin/invitations', '/sign-in', '/password/forgot', '/info/accessibility', '/no-such-page'];
  const visited = new Set();
  let taken = 0;
  while (queue.length && taken < limit && visited.size < 4 * limit) {
    const path = queue.shift();
    const key = pattern(path.split('#')[0]);
    if (visited.has(key) || skip.test(path)) continue;
    visited.add(key);
    let response;
    try {
      response = await page.goto(base + path, { waitUntil: 'load' });
    } catch {
      continue;
    }
    if (!response || !(response.headers()['content-type'] || '').startsWith('text/html')) continue;
    // Redirected: the page it led to is taken under its own address.
    if (new URL(page.url()).pathname !== path.split('?')[0]) continue;
    const hrefs = await page.$$eval('a[href]', (as) => as.map((a) => a.getAttribute('href')));
    for (const h of hrefs) {
      if (h && h.startsWith('/') && !h.startsWith('//') && !visited.has(pattern(h.split('#')[0]))) queue.push(h.split('#')[0]);
    }
    // One page per pattern, and refusals (403) only once, as the error page they are.
    const status = response.status();
    if (seen.has(key) || (status !== 200 && path !== '/no-such-page')) continue;
    seen.set(key, `${role} ${path}`);
    taken += 1;
    const name = `${key.replace(/^\//, '').replace(/[^a-zA-Z0-9:=.-]+/g, '_') || 'home'}`.replace(/:/g, '~');
    await shoot(page, path, name);
    if (process.env.SAVE_HTML) writeFileSync(join(out, `${name}.html`), await page.content());
  }
  await context.close();
}

async function shoot(page, path, name) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    // Load twice: the second time the fonts come from the cache and are always shown.
    await page.goto(base + path, { waitUntil: 'load' });
    await page.reload({ waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready);
    await page.waitForTimeout(150);
    writeFileSync(join(out, `${name}@${width}.png`), await page.screenshot({ fullPage: true, animations: 'disabled', caret: 'hide' }));
  }
  if (path === '/') {
    await page.click('button.custom-navbar-toggler');
    await page.waitForSelector('#main-nav a', { state: 'visible' });
    await page.waitForTimeout(800);
    writeFileSync(join(out, `home-menu@390.png`), await page.screenshot({ animations: 'disabled', caret: 'hide' }));
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  console.log(`${name}`);
}

await crawl('guest', null, 20);
await crawl('member', 'membro@ponte.example', 40);
await crawl('tutor', 'tutor@ponte.example', 15);
await crawl('staff', 'staff@ponte.example', 30);
await crawl('admin', 'admin@ponte.example', 10);
writeFileSync(join(out, 'pages.json'), JSON.stringify([...seen], null, 1));
await browser.close();
