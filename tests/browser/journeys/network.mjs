// The interregional network's journey, as the coordinator of the Provincia di Salerno lives it:
// records a relation with a new partner in Tunisia through the real form (a period that ends
// before it starts is refused first, beside the field), sees it in the list; forms a group with
// an administration of another region (one of the same region only is refused) and pools the
// relation into it; adds a link to the group's document space in the library, which the group
// lists and someone of an administration outside the group neither opens nor finds; proposes a
// joint initiative and moves it forward (a move back without its reason is refused); then looks
// for partners through matchmaking, whose results give their reasons and narrow with the country
// and region filters. Every page reached is checked with axe (and the phone width, and kept for
// the HTML checker), the key ones in Italian, English and French. The journey creates what it
// checks, with names of its own, so it depends neither on the other journeys nor on the time of
// day.

export async function journey(t) {
  const { base, check, axe, inLanguages, signIn } = t;
  console.log('Network journey: record a relation, form a group, add an initiative, find a partner through matchmaking');
  const page = t.track(await (await t.browser.newContext({ locale: 'it-IT', viewport: { width: 1280, height: 900 } })).newPage());
  const path = () => new URL(page.url()).pathname;
  // Submits a form by its button and returns the status of the page it leads to.
  const submit = async (button) => {
    const [response] = await Promise.all([page.waitForNavigation(), page.click(button)]);
    return response ? response.status() : 0;
  };
  const text = async (selector) => ((await page.locator(selector).first().textContent({ timeout: 3000 }).catch(() => null)) || '').replace(/\s+/g, ' ').trim();
  // Names of this run's own, so that nothing else in the demo (or another journey) can match them.
  const token = Date.now().toString(36).slice(-5).toUpperCase();
  const partnerName = `Municipalité de Monastir ${token}`;
  const groupName = `Rete del Canale ${token}`;
  const initiativeTitle = `Filiere olivicole condivise ${token}`;
  const documentTitle = `Disciplinare olivicolo comune ${token}`;

  await signIn(page, 'coordinatore@ponte.example');
  check(!path().startsWith('/sign-in'), 'network journey: the coordinator is signed in');
  await inLanguages(page, '/network', 'network journey: network overview');

  // 1. A relation, through the real form.
  console.log('  1. A relation: refused with a period ending before it starts, then recorded and listed');
  await inLanguages(page, '/network/relations/new', 'network journey: new relation form');
  await page.goto(`${base}/network/relations/new`);
  const salerno = await page.$eval('main form input[name="organisation"]', (i) => i.value).catch(() => null);
  check(salerno !== null && /^[0-9a-f-]{36}$/.test(salerno), 'the relation form records for the coordinator\'s own administration');
  await page.selectOption('#f-kind', 'memorandum');
  await page.selectOption('#f-country', 'TN');
  await page.fill('#f-partner_name', partnerName);
  await page.selectOption('#f-partner_type', 'local_government');
  await page.fill('#f-start_year', '2022');
  await page.fill('#f-end_year', '2020');
  // The check boxes are drawn by their labels: a person clicks the label.
  await page.click('label[for="c-themes-m-agricoltura"]');
  await page.fill('#f-contact_name', 'Ufficio cooperazione');
  await page.fill('#f-contact_email', 'cooperazione@provincia.salerno.example');
  const refusedRelation = await submit('main form button[type=submit]');
  check(refusedRelation === 422, `a period ending before it starts is refused (status ${refusedRelation})`);
  check(path() === '/network/relations', `the refused relation stays on its form (${path()})`);
  check(await page.isVisible('#e-end_year') && (await text('#e-end_year')).length > 0, 'the refused period shows its message beside the end year');
  check((await page.getAttribute('#f-end_year', 'aria-invalid')) === 'true'
    && ((await page.getAttribute('#f-end_year', 'aria-describedby')) || '').split(/\s+/).includes('e-end_year'), 'the end year is marked invalid and described by its message');
  check(await page.isVisible('main .alert-danger a[href="#f-end_year"]'), 'the summary of the refused form links to the end year');
  check((await page.inputValue('#f-partner_name')) === partnerName && (await page.isChecked('#c-themes-m-agricoltura')), 'the refused form keeps what was typed');
  await axe(page, 'network journey: relation form refused');
  await page.fill('#f-end_year', '');
  const recorded = await submit('main form button[type=submit]');
  const relationPath = path();
  check(recorded === 200 && /^\/network\/relations\/[0-9a-f-]{36}$/.test(relationPath), `the relation is recorded and shown (${relationPath}, status ${recorded})`);
  check((await text('main h1')) === partnerName, 'the recorded relation shows its new partner');
  check((await text('main dl')).includes('2022'), 'the recorded relation shows its period');
  await inLanguages(page, relationPath, 'network journey: recorded relation');
  // Listed among the administration's relations, through the list's own filter.
  await page.goto(`${base}/network/relations`);
  if (salerno) await page.selectOption('#f-organisation', salerno);
  await page.selectOption('#f-country', 'TN');
  await submit('main form[role=search] button[type=submit]');
  check(new URL(page.url()).searchParams.get('country') === 'TN', 'the relations list is filtered by country');
  const listed = page.locator(`main table tbody tr:has(a[href="${relationPath}"])`);
  check(await listed.count() === 1 && (await listed.first().textContent()).includes(partnerName), 'the new relation is a row of the administration\'s relations in Tunisia');
  await axe(page, 'network journey: relations filtered by administration and country');
  await inLanguages(page, `/network/relations?organisation=${salerno}`, 'network journey: relations of the administration');

  // 2. An interregional group.
  console.log('  2. A group: refused with one region only, then formed with two regions, the relation pooled into it, a document added to its space');
  await inLanguages(page, '/network/groups/new', 'network journey: new group form');
  await page.goto(`${base}/network/groups/new`);
  await page.fill('#f-name', groupName);
  await page.fill('#f-purpose', 'Mettere in comune le relazioni con la Tunisia per una filiera olivicola condivisa tra Campania e Calabria.');
  await page.click('label[for="c-countries-TN"]');
  await page.click('label[for="c-themes-m-agricoltura"]');
  await page.selectOption('#f-member_1', { label: 'Provincia di Salerno (Campania)' });
  await page.fill('#f-contact_name_1', 'Antonio Esposito');
  await page.fill('#f-contact_email_1', 'coordinatore@ponte.example');
  await page.selectOption('#f-member_2', { label: 'Provincia di Caserta (Campania)' });
  await page.fill('#f-contact_name_2', 'Roberta Caruso');
  await page.fill('#f-contact_email_2', 'r.caruso@provincia.caserta.example');
  const oneRegion = await submit('main form button[type=submit]');
  check(oneRegion === 422 && path() === '/network/groups', `a group of one region only is refused (status ${oneRegion}, ${path()})`);
  check(await page.isVisible('#e-members') && (await text('#e-members')).length > 0, 'the one-region refusal is said beside the founding administrations');
  check((await page.$eval('#f-member_2', (s) => s.options[s.selectedIndex].text)).startsWith('Provincia di Caserta'), 'the refused group form keeps the chosen administrations');
  await axe(page, 'network journey: group form refused with one region');
  await page.selectOption('#f-member_2', { label: 'Provincia di Cosenza (Calabria)' });
  await page.fill('#f-contact_name_2', 'Carmela Gallo');
  await page.fill('#f-contact_email_2', 'c.gallo@provincia.cosenza.example');
  const formed = await submit('main form button[type=submit]');
  const groupPath = path();
  check(formed === 200 && /^\/network\/groups\/[0-9a-f-]{36}$/.test(groupPath), `the group is formed and shown (${groupPath}, status ${formed})`);
  check((await text('main h1')) === groupName, 'the group page shows its name');
  const members = (await text('#members table')).replace(/\s+/g, ' ');
  check(members.includes('Provincia di Salerno') && members.includes('Campania') && members.includes('Provincia di Cosenza') && members.includes('Calabria'), 'the group lists its two administrations with their regions');
  // The coordinator pools the relation just recorded.
  const poolable = await page.$eval('#pool-relation', (s, name) => [...s.options].find((o) => o.text.includes(name))?.value, partnerName).catch(() => undefined);
  check(!!poolable, 'the group offers the new relation to pool');
  if (poolable) {
    await page.selectOption('#pool-relation', poolable);
    await submit('#pool-form button[type=submit]');
    check(await page.isVisible(`#pooled a[href="${relationPath}"]`), 'the pooled relation is listed in the group');
  }
  // The group's document space: the coordinator adds a link to it through the library's form,
  // opened from the group page with the group already chosen; the group lists it.
  const groupId = groupPath.split('/').pop();
  const addDocument = '#documents a[href*="/library/documents/new?network_group="]';
  check(await page.isVisible(addDocument), 'the group page offers to add a document to the group');
  if (await page.isVisible(addDocument)) await submit(addDocument);
  else await page.goto(`${base}/library/documents/new?network_group=${groupId}`);
  check(path() === '/library/documents/new' && new URL(page.url()).searchParams.get('network_group') === groupId, `the link opens the upload form for the group (${page.url().replace(base, '')})`);
  check((await page.inputValue('#f-visibility').catch(() => null)) === 'network_group', 'the upload form opened from the group is visible to the group');
  check((await page.inputValue('#f-network_group').catch(() => null)) === groupId
    && (await page.$eval('#f-network_group', (s) => s.options[s.selectedIndex].text).catch(() => '')) === groupName, 'the upload form has the group chosen');
  const visibilityLabel = await page.$eval('#f-visibility', (s) => s.options[s.selectedIndex].text.replace(/\s+/g, ' ').trim()).catch(() => '');
  await axe(page, 'network journey: document form for the group');
  await page.fill('#f-url', `https://rete-del-canale.example/disciplinare-${token.toLowerCase()}`);
  await page.fill('#f-title', documentTitle);
  await page.fill('#f-summary', 'Bozza del disciplinare comune da discutere con i frantoi di Monastir.');
  await page.selectOption('#f-kind', 'minutes');
  await page.selectOption('#f-language', 'it');
  const added = await submit('main form button[type=submit]');
  const documentPath = path();
  check(added === 200 && /^\/library\/documents\/[0-9a-f-]{36}$/.test(documentPath), `the document is added and shown (${documentPath}, status ${added})`);
  check((await text('main h1')) === documentTitle, 'the document page shows its title');
  check(await page.isVisible(`main a[href="https://rete-del-canale.example/disciplinare-${token.toLowerCase()}"]`), 'the document page opens its link');
  check(visibilityLabel.length > 0 && (await text('main dl')).includes(visibilityLabel), `the document page says who sees it as the form did (${visibilityLabel})`);
  await page.goto(`${base}/library?q=${token}`);
  check(await page.isVisible(`main ol.results a[href="${documentPath}"]`), 'the coordinator finds the group\'s document in the library by a word of its title');
  await page.goto(base + groupPath);
  check(await page.isVisible(`#documents a[href="${documentPath}"]`) && (await text(`#documents a[href="${documentPath}"]`)) === documentTitle, 'the group page lists its document');
  await inLanguages(page, groupPath, 'network journey: new group');
  check(await page.isVisible(`#documents a[href="${documentPath}"]`), 'the group page lists its document in French too');
  // Someone whose administration is not in the group (Caserta: the refused group had it, the
  // formed one has not) neither opens the document nor finds it, nor sees it on the group page.
  const outsider = t.track(await (await t.browser.newContext({ locale: 'it-IT', viewport: { width: 1280, height: 900 } })).newPage());
  await signIn(outsider, 'r.caruso@provincia.caserta.example');
  check(!new URL(outsider.url()).pathname.startsWith('/sign-in'), 'network journey: someone of another administration is signed in');
  const hidden = await outsider.goto(base + documentPath);
  check(hidden.status() === 404, `the group's document is not found by someone outside the group (status ${hidden.status()})`);
  const searched = await outsider.goto(`${base}/library?q=${token}`);
  check(searched.status() === 200 && await outsider.isVisible('main #results-title'), `the library answers the outsider's search (status ${searched.status()})`);
  check(await outsider.locator(`main a[href="${documentPath}"]`).count() === 0, 'the outsider does not find the group\'s document in the library');
  const outsideGroup = await outsider.goto(base + groupPath);
  check(outsideGroup.status() === 200 && (await outsider.textContent('main h1')).trim() === groupName, `the outsider sees the group page (status ${outsideGroup.status()})`);
  check(await outsider.locator(`a[href="${documentPath}"]`).count() === 0 && await outsider.locator(addDocument).count() === 0, 'the group page neither lists the document nor offers to add one to the outsider');
  await outsider.context().close();
  await page.goto(`${base}/network/groups`);
  check(await page.isVisible(`main a[href="${groupPath}"]`), 'the groups list links the new group');
  await axe(page, 'network journey: groups list');
  await page.goto(base + relationPath);
  check(await page.isVisible(`main dl a[href="${groupPath}"]`), 'the relation names the group it is pooled into');

  // 3. A joint initiative, moved forward one state.
  console.log('  3. An initiative: proposed, moved forward, a move back without its reason refused');
  await page.goto(base + groupPath);
  await submit(`#initiatives a[href="${groupPath}/initiatives/new"]`);
  check(path() === `${groupPath}/initiatives/new`, 'the group page leads to the initiative form');
  check(salerno !== null && (await page.inputValue('#f-lead')) === salerno, 'the initiative form proposes the coordinator\'s administration as lead');
  check(await page.isChecked('#c-countries-TN'), 'the initiative form starts from the group\'s countries');
  await inLanguages(page, `${groupPath}/initiatives/new`, 'network journey: new initiative form');
  await page.goto(`${base}${groupPath}/initiatives/new`);
  await page.fill('#f-title', initiativeTitle);
  await page.fill('#f-summary', 'Un disciplinare comune e due missioni presso i frantoi di Monastir.');
  await page.click('label[for^="c-partners-"]:has-text("Provincia di Cosenza")');
  await page.click(`label[for^="c-partners-"]:has-text("${partnerName}")`);
  await page.fill('#f-call_name', 'Programma di cooperazione Italia-Tunisia');
  await page.fill('#f-budget', '25000');
  await axe(page, 'network journey: initiative form filled in');
  const proposed = await submit('main form button[type=submit]');
  const initiativePath = path();
  check(proposed === 200 && /^\/network\/initiatives\/[0-9a-f-]{36}$/.test(initiativePath), `the initiative is created and shown (${initiativePath}, status ${proposed})`);
  check((await text('main h1')) === initiativeTitle, 'the initiative page shows its title');
  const partners = await text('main dl');
  check(partners.includes('Provincia di Cosenza') && partners.includes(partnerName), 'the initiative lists its Italian and foreign partners');
  check(await page.$eval('#move-to', (s) => s.value) === 'preparation', 'a new initiative is an idea, whose next step is preparation');
  const stateBefore = await text('main .lead .badge');
  const eventsBefore = await page.locator('section[aria-labelledby="life-title"] ol > li').count();
  await inLanguages(page, initiativePath, 'network journey: initiative as an idea');
  await page.goto(base + initiativePath);
  await page.selectOption('#move-to', 'preparation');
  const moved = await submit('#move-form button[type=submit]');
  check(moved === 200 && path() === initiativePath, `the initiative moves forward (status ${moved})`);
  const stateAfter = await text('main .lead .badge');
  check(stateAfter.length > 0 && stateAfter !== stateBefore, `the initiative's state changes (${stateBefore} → ${stateAfter})`);
  check(await page.locator('section[aria-labelledby="life-title"] ol > li').count() === eventsBefore + 1, 'the move is written in the initiative\'s life');
  check(await page.$eval('#move-to', (s) => [...s.options].map((o) => o.value).join(',')) === 'submitted,idea', 'in preparation, it goes on to submitted or back to idea');
  await axe(page, 'network journey: initiative in preparation');
  // Back to an idea without saying why: refused, the reason marked.
  await page.selectOption('#move-to', 'idea');
  await page.fill('#move-reason', '');
  const back = await submit('#move-form button[type=submit]');
  check(back === 422, `a move back without its reason is refused (status ${back})`);
  check(await page.isVisible('main .alert-danger a[href="#move-reason"]') && (await page.getAttribute('#move-reason', 'aria-invalid')) === 'true', 'the refused move points to its missing reason');
  check((await text('main .lead .badge')) === stateAfter, 'the refused move leaves the state as it was');
  await axe(page, 'network journey: initiative move refused');
  await page.goto(base + groupPath);
  check(await page.isVisible(`#initiatives a[href="${initiativePath}"]`), 'the group lists its initiative');
  check((await page.locator(`#initiatives ol li:has(a[href="${initiativePath}"])`).count()) >= 2, 'the group\'s timeline shows the initiative\'s start and its move');
  await axe(page, 'network journey: group with its initiative');

  // 4. A partner through matchmaking.
  console.log('  4. Matchmaking: results with their reasons, narrowed by country and region');
  await inLanguages(page, '/network/match', 'network journey: matchmaking');
  await page.goto(`${base}/network/match`);
  const results = async () => page.$$eval('main ol > li article', (as) => as.map((a) => ({
    // The heading is the rank, the name and the region: "2. Provincia di Agrigento (Sicilia)".
    name: (a.querySelector('h3')?.textContent || '').replace(/\s+/g, ' ').trim().replace(/^\d+\.\s*/, ''),
    reasons: [...a.querySelectorAll('ul > li')].map((l) => l.textContent.replace(/\s+/g, ' ').trim()),
  })));
  const all = await results();
  check(all.length >= 2, `matchmaking suggests administrations for the coordinator's own (${all.length})`);
  check(all.every((r) => r.reasons.length >= 1 && r.reasons.every((s) => s.length > 0)), 'each suggested administration gives its reasons');
  check(!all.some((r) => r.name.includes('Provincia di Salerno')), 'matchmaking does not suggest the administration to itself');
  // The relation just recorded is a reason for the administrations aiming at Tunisia.
  const byRelation = all.filter((r) => r.reasons.some((s) => s.includes(partnerName)));
  check(byRelation.length >= 1, 'the relation just recorded is a reason to work with an administration aiming at Tunisia');
  await page.selectOption('#m-country', 'TN');
  await submit('main form[role=search] button[type=submit]');
  check(new URL(page.url()).searchParams.get('country') === 'TN', 'the country filter is in the address');
  const inTunisia = await results();
  check(inTunisia.length >= 1 && inTunisia.length < all.length, `the country filter narrows the list (${all.length} → ${inTunisia.length})`);
  check(inTunisia.every((r) => all.some((a) => a.name === r.name)), 'the filtered list holds only administrations of the whole list');
  check(inTunisia.some((r) => r.name.includes('Provincia di Agrigento')), 'Agrigento, with its projects in Tunisia, is suggested for Tunisia');
  await axe(page, 'network journey: matchmaking filtered by country');
  await page.selectOption('#m-region', '19');
  await submit('main form[role=search] button[type=submit]');
  const query = new URL(page.url()).searchParams;
  check(query.get('country') === 'TN' && query.get('region') === '19', 'the country and region filters are both in the address');
  const inSicily = await results();
  check(inSicily.length >= 1 && inSicily.length < inTunisia.length, `the region filter narrows the list further (${inTunisia.length} → ${inSicily.length})`);
  check(inSicily.every((r) => r.name.includes('(Sicilia)')), 'the region filter keeps only administrations of Sicily');
  await axe(page, 'network journey: matchmaking filtered by country and region');
  await inLanguages(page, '/network/match?country=TN&theme=m%3Aagricoltura', 'network journey: matchmaking by country and theme');
  const byTheme = await results();
  check(byTheme.length >= 1 && byTheme.every((r) => all.some((a) => a.name === r.name)), 'the theme filter keeps administrations of the whole list');
}
