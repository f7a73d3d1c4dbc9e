// The structured budget and the proposal, as an official of Provincia di Salerno drafts them
// (the member of its team): a logframe of her own for the project, then the budget built through
// its editor (a partner, a line typed as Italians write amounts, the totals changing live and on
// the page, a negative amount refused beside its field in Italian, English and French with
// nothing changed), a re-granting line above the 20 % the AICS 2019/20 call allows explained on
// the budget page and in its eligibility in the three languages, the proposal for that call
// assembled from the budget and exported as a marked draft (DOCX and PDF), then the line fixed,
// the breach gone, and the proposal exported clean. Every product the journey works on is one it
// creates, so that nothing depends on the other journeys or on the demo's state.

import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';

// What the pages say, in each language, about the budget the journey builds.
const WORDS = {
  it: {
    negative: 'Il valore non può essere negativo.',
    breachedOne: 'Una regola non è rispettata.',
    allHold: 'Tutte le regole verificate sono rispettate.',
    regranting: 'Sostegno finanziario a terzi',
    exceeds: 'supera il 20 %',
    eligibilityOne: 'Un requisito non è rispettato.',
    eligibilityNone: 'Nessun requisito violato.',
    negativeCost: '-15.000,00',
    draftMark: 'BOZZA — non conforme al bando',
    draftWhy: 'Un requisito del bando non è rispettato',
  },
  en: {
    negative: 'The value cannot be negative.',
    breachedOne: 'One rule is breached.',
    allHold: 'Every rule checked holds.',
    regranting: 'Financial support to third parties',
    exceeds: 'exceeds 20 %',
    eligibilityOne: 'One requirement is not met.',
    eligibilityNone: 'No requirement breached.',
    negativeCost: '-15,000.00',
    draftMark: 'DRAFT — does not meet the call',
    draftWhy: 'One requirement of the call is not met',
  },
  fr: {
    negative: 'La valeur ne peut pas être négative.',
    breachedOne: 'Une règle n\'est pas respectée.',
    allHold: 'Toutes les règles vérifiées sont respectées.',
    regranting: 'Soutien financier à des tiers',
    exceeds: 'dépasse 20 %',
    eligibilityOne: 'Une exigence n\'est pas respectée.',
    eligibilityNone: 'Aucune exigence enfreinte.',
    negativeCost: '-15 000,00',
    draftMark: 'BROUILLON — non conforme à l\'appel',
    draftWhy: 'Une exigence de l\'appel n\'est pas respectée',
  },
};

// Spaces as a reader sees them: the no-break and narrow no-break spaces of amounts are spaces.
const norm = (s) => (s || '').replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ').trim();

// An amount of euro cents as the pages write it in `lang` (spaces normalised).
function euro(cents, lang) {
  const whole = String(Math.floor(cents / 100));
  const hundredths = String(cents % 100).padStart(2, '0');
  const group = { it: '.', en: ',', fr: ' ' }[lang];
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return lang === 'en' ? `€${grouped}.${hundredths}` : `${grouped},${hundredths} €`;
}

// The files of a ZIP archive (a DOCX), by name, inflated.
function unzip(bytes) {
  const files = new Map();
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) return files;
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  for (let i = 0; i < count && bytes.readUInt32LE(at) === 0x02014b50; i++) {
    const method = bytes.readUInt16LE(at + 10);
    const size = bytes.readUInt32LE(at + 20);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const local = bytes.readUInt32LE(at + 42);
    const name = bytes.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const data = bytes.subarray(start, start + size);
    files.set(name, method === 8 ? inflateRawSync(data) : data);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return files;
}

// The text of a DOCX's document, headers and footers, without the XML markup.
function docxText(files) {
  return norm([...files].filter(([n]) => /^word\/(document|header\d*|footer\d*)\.xml$/.test(n))
    .map(([, b]) => b.toString('utf8').replace(/<[^>]+>/g, ' ')).join(' ')
    .replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, '\''));
}

export async function journey(t) {
  console.log('Proposal journey: a logframe, the budget built in its editor (totals, a refused amount, a breached rule explained, fixed), the proposal exported as a draft then clean');
  const { base, check, axe, visit, inLanguages } = t;
  const context = await t.browser.newContext({ locale: 'it-IT', viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const page = t.track(await context.newPage());
  // A missing element fails its check within seconds, not after the default half a minute.
  page.setDefaultTimeout(10000);
  const text = async (selector) => norm(await page.textContent(selector).catch(() => ''));
  const attribute = (selector, name) => page.getAttribute(selector, name).catch(() => null);
  const value = (selector) => page.inputValue(selector).catch(() => null);
  const submit = async (selector) => {
    const [response] = await Promise.all([page.waitForNavigation(), page.click(selector)]);
    return response;
  };
  // The proposal page's note that it exports as a draft.
  const draftNote = async () => (await page.locator('main .alert-warning').allTextContents()).some((s) => s.includes('si esporta come bozza'));
  const setLanguage = (lang) => context.addCookies([{ name: 'ponte_lang', value: lang, url: base }]);
  // The editors' buttons: save and go to the product, save and stay in the editor.
  const SAVE = '#editor button.btn-primary[type=submit]:not([name])';
  const SAVE_STAY = '#editor button.btn-outline-primary[type=submit][name=stay]';
  const uuid = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

  try {
    await t.signIn(page, 'membro@ponte.example');
    await setLanguage('it');
    await page.goto(`${base}/organisations?q=Salerno`);
    await Promise.all([page.waitForURL(new RegExp(`/organisations/${uuid}$`)), page.click('#org-results a:text-is("Provincia di Salerno")')]);
    const org = new URL(page.url()).pathname;
    const products = `${org}/products`;
    await visit(page, products, 'proposal journey: Salerno\'s products');

    // A product of the kind given, created through the new product form; its editor is shown.
    const create = async (kind, title) => {
      await page.goto(base + products);
      await Promise.all([page.waitForURL(/\/products\/new$/), page.click(`main a[href="${products}/new"]`)]);
      await page.fill('#f-title', title);
      await page.selectOption('#f-kind', kind);
      await submit('main form button[type=submit]');
      const path = new URL(page.url()).pathname;
      check(new RegExp(`^${products}/${uuid}/edit$`).test(path), `a new ${kind} opens its editor (${path})`);
      return path.replace(/\/edit$/, '');
    };

    // The project's logframe: the classic outline, its rows written, its activity the training.
    const logframeTitle = 'Quadro logico — Formazione del personale dei comuni (percorso)';
    const logframe = await create('logframe', logframeTitle);
    await axe(page, 'proposal journey: new logframe editor');
    const rows = ['Rafforzata la cooperazione internazionale della Provincia', 'Personale dei comuni formato alla progettazione europea', 'Corsi svolti con i comuni del territorio', 'Corsi per il personale dei comuni'];
    for (const [n, row] of rows.entries()) await page.fill(`#f-r${n}-text`, row);
    await submit(SAVE);
    check(new URL(page.url()).pathname === logframe && await page.isVisible(`main >> text=${rows[3]}`), 'the logframe is saved with its activity');

    // 1. The budget: tied to that logframe, checked against the AICS 2019/20 call and its rules.
    const budget = await create('budget', 'Bilancio — Formazione del personale dei comuni (percorso)');
    await axe(page, 'proposal journey: new budget editor');
    const optionOf = (select, words) => page.$eval(select, (s, w) => [...s.options].find((o) => o.text.includes(w))?.value ?? '', words);
    const lfOption = await optionOf('#f-logframe', logframeTitle);
    check(lfOption !== '', 'the budget editor offers the new logframe');
    await page.selectOption('#f-logframe', lfOption);
    await page.selectOption('#f-pack', 'aics-local-authorities-2019');
    await page.fill('#f-duration_months', '24');
    const aics = await optionOf('#f-call', '2019/20');
    check(aics !== '', 'the budget editor offers the AICS 2019/20 call');
    await page.selectOption('#f-call', aics);
    await page.fill('#f-p0-name', 'Provincia di Salerno');
    await page.fill('#f-p0-country', 'IT');
    await page.fill('#f-p0-cofinancing', '10');
    let response = await submit(SAVE_STAY);
    check(response.status() === 200 && new URL(page.url()).pathname === `${budget}/edit`, `the budget with its partner is saved and its editor shown again (status ${response.status()})`);
    check(await page.$eval('#f-l0-partner', (s) => s.options[s.selectedIndex]?.text ?? '').catch(() => null) === 'Provincia di Salerno', 'a new line is offered for the saved partner');
    const before = await text('#budget-live');
    check(before.includes(`Totale ammissibile: ${euro(0, 'it')}`), `before its first line the budget totals nothing (${before})`);

    // A line typed as Italians write amounts; the editor's live check totals it before saving.
    const activity = await optionOf('#f-l0-activity', rows[3]);
    check(activity !== '', 'a line can be for the logframe\'s activity');
    await page.selectOption('#f-l0-activity', activity);
    await page.selectOption('#f-l0-category', 'staff');
    await page.fill('#f-l0-description', 'Coordinatrice dei corsi');
    await page.fill('#f-l0-unit', 'mese');
    await page.fill('#f-l0-unit_cost', '3.200,50');
    await page.fill('#f-l0-quantity', '12');
    await page.press('#f-l0-quantity', 'Tab');
    const live = await page.waitForFunction((total) => document.querySelector('#budget-live')?.textContent.replace(/[\u00a0\u202f]/g, ' ').includes(total), euro(3840600, 'it'), { timeout: 10000 }).then(() => true).catch(() => false);
    check(live, `the live check totals the typed line, 3.200,50 × 12 = ${euro(3840600, 'it')} (${await text('#budget-live')})`);
    await axe(page, 'proposal journey: budget editor with its live total');
    await submit(SAVE);
    check(new URL(page.url()).pathname === budget, 'the budget with its line is saved and shown');
    check(await text('#budget-total') === euro(3840600, 'it'), `the budget page totals the line: ${euro(3840600, 'it')} (${await text('#budget-total')})`);
    check(await page.isVisible('table.budget-lines >> text=Coordinatrice dei corsi'), 'the line is listed');
    await axe(page, 'proposal journey: budget with one line');

    // A negative amount is refused beside its field, in the reader's language, and changes nothing.
    for (const lang of ['it', 'en', 'fr']) {
      await setLanguage(lang);
      await page.goto(`${base}${budget}/edit`);
      await page.selectOption('#f-l1-category', 'regranting');
      await page.fill('#f-l1-description', 'Contributi alle associazioni');
      await page.fill('#f-l1-unit_cost', WORDS[lang].negativeCost);
      await page.fill('#f-l1-quantity', '1');
      response = await submit(SAVE);
      check(response.status() === 422, `a negative amount is refused (${lang}, status ${response.status()})`);
      check(await text('#e-l1-unit_cost') === WORDS[lang].negative, `the refusal is explained beside the unit cost in ${lang} (${await text('#e-l1-unit_cost')})`);
      check(await attribute('#f-l1-unit_cost', 'aria-invalid') === 'true' && await attribute('#f-l1-unit_cost', 'aria-describedby') === 'e-l1-unit_cost', `the refused field points at its message (${lang})`);
      check(await value('#f-l1-unit_cost') === WORDS[lang].negativeCost, `the refused amount is shown as typed (${lang})`);
      await axe(page, `proposal journey: budget editor with a refused amount (${lang})`);
      await page.goto(base + budget);
      check(await text('#budget-total') === euro(3840600, lang) && await page.locator('table.budget-lines tbody tr').count() === 1, `the refused save changed nothing (${lang}: ${await text('#budget-total')})`);
    }
    await setLanguage('it');

    // 2. A re-granting line above the 20 % the call allows: the breach explained, in it/en/fr.
    await page.goto(`${base}${budget}/edit`);
    await page.selectOption('#f-l1-category', 'regranting');
    await page.fill('#f-l1-description', 'Contributi alle associazioni');
    await page.fill('#f-l1-unit_cost', '15.000,00');
    await page.fill('#f-l1-quantity', '1');
    await submit(SAVE);
    check(new URL(page.url()).pathname === budget, 'the re-granting line is saved');
    for (const lang of ['it', 'en', 'fr']) {
      const w = WORDS[lang];
      await setLanguage(lang);
      await visit(page, budget, `proposal journey: budget breaching a rule (${lang})`);
      check(await text('#budget-total') === euro(5340600, lang), `the total counts both lines (${lang}: ${await text('#budget-total')})`);
      check((await text('#budget-check')).includes(w.breachedOne), `the rules check says one rule is breached (${lang})`);
      const breach = norm(await page.locator('#budget-check .finding-breached').allTextContents().then((a) => a.join(' | ')));
      check(breach.includes(w.regranting) && breach.includes(w.exceeds) && breach.includes(euro(1500000, lang)) && breach.includes(euro(1068120, lang)), `the breach is explained: what, how much, the limit and the most allowed (${lang}: ${breach})`);
      check((await text('#eligibility')).includes(w.eligibilityOne), `the eligibility under the call counts the breach (${lang})`);
    }
    await setLanguage('it');

    // 4a. The proposal for the call, drawn from that budget: it fails the check, so it is a draft.
    const proposalTitle = 'Proposta — Formazione del personale dei comuni (percorso)';
    const proposal = await create('project_proposal', proposalTitle);
    await axe(page, 'proposal journey: new proposal editor');
    await page.selectOption('#f-call', await optionOf('#f-call', '2019/20'));
    await page.selectOption('#f-logframe', await optionOf('#f-logframe', logframeTitle));
    const summary = 'La Provincia di Salerno forma il personale dei comuni alla progettazione europea.';
    await page.fill('#f-text-summary', summary);
    response = await submit(SAVE);
    check(new URL(page.url()).pathname === proposal, `the proposal is saved and shown (status ${response.status()})`);
    check(await page.isVisible(`main >> text=${summary}`), 'the proposal shows its summary');
    check(await draftNote(), 'a proposal failing its call says it exports as a draft');
    check((await text('#eligibility')).includes(WORDS.it.eligibilityOne), 'the proposal\'s eligibility counts the budget\'s breach');
    await inLanguages(page, proposal, 'proposal journey: proposal failing its call');

    // Downloads the proposal in `format` from its page's export menu.
    const download = async (format) => {
      await page.goto(base + proposal);
      await page.click('details.export-menu > summary');
      const [file, served] = await Promise.all([
        page.waitForEvent('download'),
        page.waitForResponse((r) => r.url().includes(`/export/${format}`)),
        page.click(`details.export-menu a[href$="/export/${format}"]`),
      ]);
      const failure = await file.failure();
      const bytes = failure ? Buffer.alloc(0) : readFileSync(await file.path());
      check(!failure && served.status() === 200, `the ${format} export downloads (${failure || served.status()})`);
      check(file.suggestedFilename().endsWith(`.${format}`), `the ${format} export is named as one (${file.suggestedFilename()})`);
      const type = served.headers()['content-type'] || '';
      check(format === 'pdf' ? type === 'application/pdf' : type.includes('wordprocessingml.document'), `the ${format} export is served as one (${type})`);
      return bytes;
    };
    // The exports, in the reader's language `lang`: `draft` says whether they carry the draft
    // mark, `total` is the budget's total in euro cents.
    const exported = async (label, lang, draft, total) => {
      await setLanguage(lang);
      const w = WORDS[lang];
      const docx = await download('docx');
      check(docx.length > 1000 && docx.subarray(0, 2).toString('latin1') === 'PK', `${label}: the DOCX is a ZIP package (${docx.length} bytes)`);
      const files = unzip(docx);
      check(files.has('word/document.xml') && (files.get('[Content_Types].xml') || '').toString().includes('wordprocessingml.document.main'), `${label}: the DOCX is a Word document`);
      const words = docxText(files);
      check(words.includes(proposalTitle) && words.includes(summary), `${label}: the DOCX holds the title and the summary`);
      check(words.includes('Contributi alle associazioni') && words.includes(euro(total, lang)), `${label}: the DOCX's budget section holds the lines and the total ${euro(total, lang)}`);
      check(words.includes(w.draftMark) === draft && words.includes(w.draftWhy) === draft, `${label}: the DOCX ${draft ? 'carries' : 'does not carry'} the draft mark and its reason`);
      const pdf = await download('pdf');
      check(pdf.length > 1000 && pdf.subarray(0, 5).toString('latin1') === '%PDF-', `${label}: the PDF is one (${pdf.length} bytes)`);
      await setLanguage('it');
    };
    for (const lang of ['it', 'en', 'fr']) await exported(`proposal failing its call (${lang})`, lang, true, 5340600);

    // 3. The breaching line fixed: 9.000,00 is within 20 % of the new total.
    await page.goto(`${base}${budget}/edit`);
    check(await value('#f-l1-unit_cost') === '15.000,00', 'the editor shows the saved amount as Italians write it');
    await page.fill('#f-l1-unit_cost', '9.000,00');
    await page.press('#f-l1-unit_cost', 'Tab');
    const fixedLive = await page.waitForFunction((words) => document.querySelector('#budget-live')?.textContent.includes(words), WORDS.it.allHold, { timeout: 10000 }).then(() => true).catch(() => false);
    check(fixedLive, `the live check sees the rule hold before saving (${await text('#budget-live')})`);
    await submit(SAVE);
    for (const lang of ['it', 'en', 'fr']) {
      const w = WORDS[lang];
      await setLanguage(lang);
      await visit(page, budget, `proposal journey: budget within the rules (${lang})`);
      check(await text('#budget-total') === euro(4740600, lang), `the total follows the fixed line (${lang}: ${await text('#budget-total')})`);
      check((await text('#budget-check')).includes(w.allHold) && await page.locator('#budget-check .finding-breached').count() === 0, `the breach is gone (${lang})`);
      check((await text('#eligibility')).includes(w.eligibilityNone), `the eligibility finds nothing breached (${lang})`);
    }
    await setLanguage('it');

    // 4b. The proposal now meets its call: no draft note, and its exports carry no draft mark.
    await page.goto(base + proposal);
    check(!(await draftNote()), 'a proposal meeting its call is no draft');
    check((await text('#eligibility')).includes(WORDS.it.eligibilityNone), 'the proposal\'s eligibility follows the fixed budget');
    await inLanguages(page, proposal, 'proposal journey: proposal meeting its call');
    await exported('proposal meeting its call', 'it', false, 4740600);
  } finally {
    await context.close();
  }
}
