// Which style declarations of sheet A (Bootstrap Italia's whole style sheet) are missing from sheet
// B (the one the build compiles from the parts Ponte uses), and does any of them apply to an
// element of a saved page? `node tests/browser/css-rules.mjs A.css B.css DIR`, where DIR holds
// the pages screenshots.mjs saved with SAVE_HTML=1. User-action states (:hover, :focus...) and
// pseudo-elements are ignored when matching, so that a rule for them counts as applying.
// Compile A with the same `sass` (node_modules/bootstrap-italia/src/scss/bootstrap-italia.scss):
// custom properties keep a colour's notation, which differs between compiler versions.
// With USED=FILE (a class name a line), it also lists missing rules whose classes all appear there.
import { chromium } from 'playwright-core';
import { readFileSync, readdirSync } from 'node:fs';
const [a, b, dir] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: process.env.PONTE_CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox'] });
const ctx = await browser.newContext({ javaScriptEnabled: false });
const page = await ctx.newPage();
await page.route('**/*', (r) => r.abort());
const files = readdirSync(dir).filter((f) => f.endsWith('.html'));
const missing = await page.evaluate(([a, b]) => {
  const split = (s) => { const out = []; let depth = 0, cur = ''; for (const ch of s) { if (ch === '(') depth++; if (ch === ')') depth--; if (ch === ',' && !depth) { out.push(cur.trim()); cur = ''; } else cur += ch; } out.push(cur.trim()); return out; };
  const keys = (text) => {
    const sheet = new CSSStyleSheet(); sheet.replaceSync(text);
    const out = new Set();
    const walk = (rules, ctx) => { for (const r of rules) {
      if (r.selectorText !== undefined) { for (const sel of split(r.selectorText)) for (let i = 0; i < r.style.length; i++) { const p = r.style[i]; out.add(ctx + '|' + sel + '|' + p + ':' + r.style.getPropertyValue(p) + r.style.getPropertyPriority(p)); } }
      else if (r.cssRules) walk(r.cssRules, ctx + (r.conditionText || r.name || r.constructor.name) + ';');
      else out.add(ctx + '|' + r.cssText.slice(0, 80) + '|');
    } };
    walk(sheet.cssRules, '');
    return out;
  };
  const A = keys(a), B = keys(b);
  const res = new Map();
  for (const k of A) if (!B.has(k)) { const [ctx, sel, decl] = k.split('|'); const kk = ctx + '|' + sel; res.set(kk, (res.get(kk) || '') + decl + ';'); }
  return [...res].map(([k, v]) => k + '|' + v);
}, [readFileSync(a, 'utf8'), readFileSync(b, 'utf8')]);
console.log('selectors with declarations missing from B:', missing.length);
if (process.env.USED) {
  const used = new Set(readFileSync(process.env.USED, 'utf8').split('\n'));
  const stat = new Map();
  for (const k of missing) {
    const sel = k.split('|')[1];
    if (!sel) continue;
    const classes = [...sel.matchAll(/\.([a-zA-Z][\w-]*)/g)].map((m) => m[1]);
    const ok = classes.length ? classes.every((c) => used.has(c)) : !/^[@:]|^\*$|^(html|body)\b/.test(sel);
    if (ok) { const kk = sel.slice(0, 120); stat.set(kk, (stat.get(kk) || 0) + 1); }
  }
  console.log('static: missing selectors whose classes all appear in the sources:', stat.size);
  for (const [k] of stat) console.log('  S ' + k);
}
const hits = new Map();
for (const f of files) {
  await page.setContent(readFileSync(`${dir}/${f}`, 'utf8'));
  const found = await page.evaluate((missing) => {
    const split = (s) => { const out = []; let depth = 0, cur = ''; for (const ch of s) { if (ch === '(') depth++; if (ch === ')') depth--; if (ch === ',' && !depth) { out.push(cur); cur = ''; } else cur += ch; } out.push(cur); return out; };
    const res = [];
    for (const k of missing) {
      const sel = k.split('|')[1];
      for (let s of [sel]) {
        s = s.replace(/::?(before|after|placeholder|marker|selection|-webkit-[a-z-]+|-moz-[a-z-]+|first-letter|first-line|file-selector-button)(\([^)]*\))?/g, '')
             .replace(/:(focus-visible|focus-within|hover|focus|active|visited|checked|disabled|indeterminate|invalid|valid)(?![-\w])/g, '');
        if (!s.trim()) continue;
        try { if (document.querySelector(s)) { res.push(k + '   <= ' + s.trim()); break; } } catch { }
      }
    }
    return res;
  }, missing);
  for (const h of found) { if (!hits.has(h)) hits.set(h, []); hits.get(h).push(f); }
}
for (const [h, fs] of hits) console.log(h.slice(0, 220), ' [' + fs.length + ' pages: ' + fs.slice(0, 3).join(' ') + ']');
await browser.close();
console.log(`${hits.size} of them apply to an element of the ${files.length} pages`);
process.exit(hits.size ? 1 : 0);
