// The professional community's journey, with two people of the Provincia di Salerno in their
// own sessions: the coordinator (Antonio Esposito) opens a discussion in the administration's
// space mentioning the member (Francesca Greco), after a mention of someone who cannot see the
// space is refused; she is told in the header, in her notification list and by email, replies
// quoting him, and he is told of the reply in the same ways. She then moves her mentions to the
// daily digest through the preferences form (a later mention is listed but not emailed at once,
// while a colleague mentioned in the same message is emailed) and stops them altogether from the
// unsubscribe link of the first email, opened without signing in. She then mentions him with the
// person picker, attaches a library document to a reply (a wrong address is refused), and finds
// the discussion by searching the community.

const COORDINATOR = { email: 'coordinatore@ponte.example', name: 'Antonio Esposito' };
const MEMBER = { email: 'membro@ponte.example', name: 'Francesca Greco' };
const STAFF = { email: 'staff@ponte.example', name: 'Marco De Luca' };
// An actor of the chamber of commerce: no part in Salerno's own space.
const OUTSIDER = 'Luca Marino';

const TITLE = 'Fonti di verifica degli indicatori: chi le controlla?';
const REFUSED_BODY = `Chiedo a @[${OUTSIDER}] di controllare le fonti di verifica prima dell'invio al tutor.`;
const BODY = `Ciao @[${MEMBER.name}], puoi controllare le **fonti di verifica** degli indicatori di risultato prima dell'invio al tutor?`;
const REPLY = 'Le ho controllate una per una: due vanno aggiornate con i dati ISTAT più recenti.';
const LATER = `Grazie. @[${MEMBER.name}] e @[${STAFF.name}], le aggiorniamo entro venerdì?`;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export async function journey(t) {
  console.log('Community journey: post with a mention (one refused), the notification in the header, the list and the email, a quoting reply and its notification, preferences by the form and by the unsubscribe link');
  const { base, check } = t;
  const open = async (viewport = { width: 1280, height: 900 }) =>
    t.track(await (await t.browser.newContext({ locale: 'it-IT', viewport })).newPage());
  const a = await open();
  const b = await open();
  const go = async (p, path) => p.goto(base + path);
  const submit = async (p, selector) => {
    const [response] = await Promise.all([p.waitForNavigation(), p.click(selector)]);
    return response;
  };
  // The number the header's notifications link shows (no badge: nothing unread).
  const unread = async (p) => {
    const badge = p.locator('header a[href="/notifications"] .badge');
    if (await badge.count() === 0) return 0;
    return parseInt((await badge.first().textContent()).trim(), 10);
  };
  // The first message to `to` whose text holds `needle`, waiting for it (null after `ms`).
  const mailTo = async (to, needle, ms = 20000) => {
    for (let waited = 0; waited <= ms; waited += 100) {
      const found = t.mails.find((m) => m.to.includes(to) && m.text.includes(needle));
      if (found) return found;
      await sleep(100);
    }
    return null;
  };
  const pathOf = (url) => url.replace(/^https?:\/\/[^/]+/, '');

  await t.signIn(a, COORDINATOR.email);
  await t.signIn(b, MEMBER.email);

  // The member has never chosen: mentions reach her by email at once.
  await go(b, '/profile/notifications');
  check(await b.isChecked('#p-mention-immediate'), 'a person who never chose receives mentions by email at once');
  const memberUnread = await unread(b);

  // The coordinator's space, which the member sees too.
  await go(a, '/community');
  const space = await a.$eval('main a[href^="/community/spaces/administration/"]', (x) => x.getAttribute('href')).catch(() => null);
  check(space !== null, 'the coordinator sees the space of his administration');
  if (!space) return;
  await go(b, '/community');
  check(await b.locator(`main a[href="${space}"]`).count() === 1, 'the member sees the same space');

  // Who can be mentioned: the page the form's hint links to.
  await go(a, space);
  await submit(a, `main a[href="${space}/new"]`);
  await submit(a, `main a[href="${space}/people"]`);
  const mentionable = await a.locator('main table code').allTextContents();
  check(mentionable.includes(`@[${MEMBER.name}]`), `the people of the space list how to mention ${MEMBER.name} (${mentionable.join(', ')})`);
  check(!mentionable.some((m) => m.includes(OUTSIDER)), 'the people of the space leave out someone who cannot see it');
  await t.axe(a, 'community journey: people who can be mentioned');

  // A mention of someone outside the space: refused with the reason, what was typed kept.
  await go(a, `${space}/new`);
  await a.fill('#f-title', TITLE);
  await a.fill('#f-body', REFUSED_BODY);
  const refused = await submit(a, 'main form button[type=submit]');
  check(refused.status() === 422, `a mention of someone outside the space is refused (status ${refused.status()})`);
  const reason = await a.locator('#e-body').textContent().catch(() => '');
  check(reason.includes(OUTSIDER), `the refusal names the person who cannot be mentioned (${reason.trim()})`);
  check(await a.getAttribute('#f-body', 'aria-describedby') === 'e-body', 'the refused message field points to its reason');
  check(await a.inputValue('#f-title') === TITLE && await a.inputValue('#f-body') === REFUSED_BODY, 'the refused form keeps what was typed');
  await t.axe(a, 'community journey: new discussion with a refused mention');

  // The same discussion, mentioning the member.
  await a.fill('#f-body', BODY);
  const posted = await submit(a, 'main form button[type=submit]');
  const thread = new URL(a.url()).pathname;
  check(posted.status() === 200 && /^\/community\/threads\/[0-9a-f-]{36}$/.test(thread), `the discussion is posted and shown (${thread})`);
  if (!/^\/community\/threads\/[0-9a-f-]{36}$/.test(thread)) return;
  check(await a.textContent('main h1') === TITLE, 'the discussion shows its title');
  check((await a.locator('main article strong.mention').allTextContents()).includes(`@${MEMBER.name}`), 'the mention is highlighted in the message');
  const opening = (await a.getAttribute('main article[id^="p-"]', 'id')).slice(2);
  await t.axe(a, 'community journey: new discussion with a mention');
  await go(a, space);
  check(await a.locator(`main a[href="${thread}"]`).count() === 1, 'the space lists the discussion once: the refused attempt stored nothing');
  check((await a.locator('main a[href^="/community/threads/"]', { hasText: TITLE }).count()) === 1, 'no other discussion of that title was stored');

  // The member is told: the header's counter, her notification list, an email.
  await go(b, '/');
  check(await unread(b) === memberUnread + 1, `the member's header counts the mention (${await unread(b)} after ${memberUnread})`);
  await submit(b, 'header a[href="/notifications"]');
  const told = b.locator('main li', { has: b.locator(`a[href="${thread}"]`) });
  check(await told.count() === 1, 'the member\'s notifications list the mention once');
  const toldText = (await told.first().textContent().catch(() => '')).replace(/\s+/g, ' ');
  check(toldText.includes(COORDINATOR.name) && toldText.includes('menzionato') && toldText.includes(TITLE), `the notification says who mentioned her, in which discussion (${toldText.trim()})`);
  check(await told.first().locator('.badge').count() === 1, 'the mention is marked as new');
  await t.inLanguages(b, '/notifications', 'community journey: notifications with a mention');
  const mention = await mailTo(MEMBER.email, thread);
  check(mention !== null, 'the member receives an email at once for the mention, with a link to the discussion');
  const unsubscribe = mention ? (mention.text.match(/\/unsubscribe\/[^\s"<>]+/) || [])[0] : undefined;
  if (mention) {
    check(mention.text.includes(COORDINATOR.name) && mention.text.includes(TITLE), 'the email says who mentioned her and in which discussion');
    check(mention.text.includes(`${base}${thread}`), 'the email links the discussion on this site');
    check(unsubscribe !== undefined, 'the email carries an unsubscribe link');
  }
  // She follows the link: the discussion is read, and so is what she was told of it.
  await go(b, '/notifications');
  await submit(b, `main a[href="${thread}"]`);
  check(new URL(b.url()).pathname === thread, 'the notification leads to the discussion');
  check(await b.isVisible(`#p-${opening} strong.mention`), 'the member sees her mention in the message');
  // The header of the discussion's own page already counts the notification as read.
  check(await unread(b) === memberUnread, `the discussion's page counts its notification as read in the header (${await unread(b)}, ${memberUnread} before the mention)`);
  await go(b, '/');
  check(await unread(b) === memberUnread, 'reading the discussion reads its notification');

  // She replies quoting the coordinator's message.
  const coordinatorUnread = await unread(a);
  await go(b, thread);
  await submit(b, `#p-${opening} a[href$="quote=${opening}#reply"]`);
  check(await b.getAttribute('#reply input[name=quote]', 'value') === opening, 'the reply form carries the quoted message');
  check(await b.locator('#reply form > p').count() === 1, 'the reply form says it will quote the chosen message');
  await b.fill('#f-body', REPLY);
  await t.axe(b, 'community journey: reply form quoting a message');
  const replied = await submit(b, '#reply button[type=submit]');
  const replyId = (new URL(b.url()).hash.match(/^#p-([0-9a-f-]{36})$/) || [])[1];
  check(replied.status() === 200 && replyId !== undefined, `the reply is posted and shown (${b.url()})`);
  if (!replyId) return;
  const quoteBlock = b.locator(`#p-${replyId} blockquote`);
  check(await quoteBlock.count() === 1 && (await quoteBlock.textContent()).includes(COORDINATOR.name) && (await quoteBlock.textContent()).includes('fonti di verifica'), 'the reply shows the quoted message and its author');
  check((await b.textContent(`#p-${replyId}`)).includes(REPLY), 'the reply shows its text');
  await t.inLanguages(b, thread, 'community journey: discussion with a quoting reply');

  // The coordinator is told of the reply to his discussion.
  await go(a, '/');
  check(await unread(a) === coordinatorUnread + 1, `the coordinator's header counts the reply (${await unread(a)} after ${coordinatorUnread})`);
  await go(a, '/notifications');
  const reply = a.locator('main li', { has: a.locator(`a[href="/community/posts/${replyId}"]`) });
  const replyText = (await reply.first().textContent().catch(() => '')).replace(/\s+/g, ' ');
  check(await reply.count() === 1 && replyText.includes(MEMBER.name) && replyText.includes('risposto'), `the coordinator's notifications list the reply (${replyText.trim()})`);
  await t.axe(a, 'community journey: notifications with a reply');
  const replyMail = await mailTo(COORDINATOR.email, `/community/posts/${replyId}`);
  check(replyMail !== null && replyMail.text.includes(MEMBER.name) && replyMail.text.includes(TITLE), 'the coordinator receives an email for the reply, with a link to it');
  if (replyMail) {
    await go(a, pathOf(replyMail.text.match(new RegExp(`https?://[^\\s"<>]*/community/posts/${replyId}`))[0]));
    check(await a.isVisible(`#p-${replyId}`) && (await a.textContent(`#p-${replyId}`)).includes(REPLY), 'the email\'s link shows the reply');
    check(await unread(a) === coordinatorUnread, `the discussion's page counts the reply's notification as read in the header (${await unread(a)}, ${coordinatorUnread} before the reply)`);
    await go(a, '/');
    check(await unread(a) === coordinatorUnread, 'reading the discussion reads the reply\'s notification');
  }

  // The member moves her mentions to the daily digest with the preferences form.
  await go(b, '/profile/notifications');
  await b.click('label[for="p-mention-daily"]');
  await submit(b, 'main form button[type=submit]');
  check(new URL(b.url()).searchParams.get('done') === '1' && await b.isVisible('main .alert-success'), 'saving the preferences says they are saved');
  await go(b, '/profile/notifications');
  check(await b.isChecked('#p-mention-daily') && !(await b.isChecked('#p-mention-immediate')), 'after a reload the preferences show mentions in the daily digest');
  check(await b.isChecked('#p-reply-immediate'), 'the other preferences are kept as they were');
  await t.inLanguages(b, '/profile/notifications', 'community journey: notification preferences');

  // A later mention of both her and a colleague: the colleague (at once, by default) is emailed;
  // she is told in the list, and her email waits for the digest.
  const memberBefore = await unread(b);
  await go(a, thread);
  await a.fill('#f-body', LATER);
  await submit(a, '#reply button[type=submit]');
  const laterId = (new URL(a.url()).hash.match(/^#p-([0-9a-f-]{36})$/) || [])[1];
  check(laterId !== undefined, `the coordinator's second message is posted (${a.url()})`);
  if (laterId) {
    const colleague = await mailTo(STAFF.email, `/community/posts/${laterId}`);
    check(colleague !== null, 'a colleague mentioned in the same message, who chose nothing, is emailed at once');
    // The emails of one message are sent together: a moment more for any to the member.
    await sleep(1500);
    check(!t.mails.some((m) => m.to.includes(MEMBER.email) && m.text.includes(laterId)), 'a mention is not emailed at once to someone who chose the daily digest');
    await go(b, '/');
    check(await unread(b) === memberBefore + 1, 'a mention waiting for the digest is still counted in the header');
  }

  // The unsubscribe link of the first email, opened without signing in: a confirmation first.
  if (unsubscribe) {
    const guest = await open({ width: 390, height: 844 });
    await t.inLanguages(guest, unsubscribe, 'community journey: unsubscribe confirmation');
    await go(guest, unsubscribe);
    check((await guest.textContent('main')).includes('Menzioni'), 'the confirmation names the kind of email it stops');
    await go(b, '/profile/notifications');
    check(await b.isChecked('#p-mention-daily'), 'opening the unsubscribe link changes nothing by itself');
    const done = await submit(guest, 'main form button[type=submit]');
    check(done.status() === 200 && await guest.isVisible('main .alert-success'), 'the unsubscribe link, confirmed, says it is done');
    await t.axe(guest, 'community journey: unsubscribed');
    await go(b, '/profile/notifications');
    check(await b.isChecked('#p-mention-off'), 'after the unsubscribe link the preferences show no email for mentions');
    check(await b.isChecked('#p-reply-immediate'), 'the unsubscribe link changes only its own kind');
    // The link altered by hand to stop another kind: refused with the reason, nothing changed.
    check(unsubscribe.includes('.mention.'), `the unsubscribe link names the kind it stops (${unsubscribe})`);
    const altered = unsubscribe.replace('.mention.', '.reply.');
    await t.visit(guest, altered, 'community journey: altered unsubscribe link', 400);
    check(await guest.isVisible('main .alert-danger') && await guest.locator('main form').count() === 0, 'an altered unsubscribe link is refused with the reason and offers no button');
    await go(b, '/profile/notifications');
    check(await b.isChecked('#p-reply-immediate'), 'an altered unsubscribe link changes nothing');
    await guest.context().close();
  }

  // The person picker: typing `@` and the start of a name lists who can see the space; Enter
  // inserts the mention.
  await go(b, thread);
  await b.click('#f-body');
  await b.keyboard.type('Grazie @Anto');
  const option = b.locator('#reply [role="listbox"] [role="option"]', { hasText: COORDINATOR.name });
  await option.first().waitFor({ state: 'visible', timeout: 5000 }).catch(() => {});
  check(await option.count() === 1, 'typing @ and the start of a name lists the person who can be mentioned');
  check(await b.getAttribute('#f-body', 'aria-activedescendant') !== null, 'the message field points to the chosen person of the list');
  check(!(await b.locator('#reply [role="option"]').allTextContents()).some((n) => n.includes(OUTSIDER)), 'the list leaves out someone who cannot see the space');
  await t.axe(b, 'community journey: person picker open');
  await b.keyboard.press('Enter');
  check((await b.inputValue('#f-body')) === `Grazie @[${COORDINATOR.name}] `, `Enter inserts the mention (${await b.inputValue('#f-body')})`);
  check(await b.locator('#reply [role="listbox"]').isHidden(), 'the list closes once the person is chosen');

  // A reply attaching a library document by its address: shown with the message.
  await go(b, '/library');
  const docPath = await b.$$eval('main a[href^="/library/documents/"]', (xs) => xs.map((x) => x.getAttribute('href'))
    .find((h) => /^\/library\/documents\/[0-9a-f-]{36}$/.test(h)) || null).catch(() => null);
  check(docPath !== null, 'the library lists a document');
  if (docPath) {
    const docTitle = (await b.textContent(`main a[href="${docPath}"]`)).trim();
    await go(b, thread);
    await b.fill('#f-body', 'Allego il documento della biblioteca.');
    await b.click('#reply details summary');
    await b.fill('#f-documents', `${base}${docPath}`);
    const attached = await submit(b, '#reply button[type=submit]');
    const attachedId = (new URL(b.url()).hash.match(/^#p-([0-9a-f-]{36})$/) || [])[1];
    check(attached.status() === 200 && attachedId !== undefined, `the reply with a document is posted (${b.url()})`);
    if (attachedId) {
      const link = b.locator(`#p-${attachedId} a[href="${docPath}"]`);
      check(await link.count() === 1 && (await link.textContent()).trim() === docTitle, 'the reply shows the attached document by its title, linked to its page');
    }
    // An address that names no document: refused beside the field, nothing posted.
    await b.fill('#f-body', 'Un allegato sbagliato.');
    await b.click('#reply details summary').catch(() => {});
    if (!(await b.isVisible('#f-documents'))) await b.click('#reply details summary');
    await b.fill('#f-documents', 'https://altrove.example/documento');
    const wrong = await submit(b, '#reply button[type=submit]');
    check(wrong.status() === 422 && await b.isVisible('#e-documents'), `an address that names no document is refused beside the field (status ${wrong.status()})`);
    await t.axe(b, 'community journey: reply with a refused document address');
  }

  // Searching the discussions: words of the message, stemmed, find it.
  await go(b, '/community');
  await b.fill('main form[role="search"] input[name="q"]', 'fonti verifica');
  await submit(b, 'main form[role="search"] button[type=submit]');
  const hits = b.locator('main ol a[href^="/community/posts/"]');
  check(await hits.count() >= 1 && (await hits.allTextContents()).some((x) => x.includes('Fonti di verifica')), 'a search of the discussions finds the discussion by words of its title and text');
  check(await b.locator('main ol mark').count() >= 1, 'the words found are marked');
  await t.inLanguages(b, new URL(b.url()).pathname + new URL(b.url()).search, 'community journey: search of the discussions');
  await submit(b, 'main ol a[href^="/community/posts/"]');
  check(new URL(b.url()).pathname === thread, 'a result leads to its message in the discussion');

  await a.context().close();
  await b.context().close();
}
