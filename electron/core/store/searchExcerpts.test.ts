import { describe, expect, it } from 'vitest';
import { HOSTILE_THRESHOLD, type Conversation } from '../../../shared/domain/entities';
import { useCoreWithAccount } from '../testing/coreWithAccount';
import { commentItem } from '../testing/itemBuilder';
import { EXCERPT_TOKENIZER, LEAD_IN_CHARS, NEWEST_MATCHES_SQL, markersNotIn, toSegments, withShortLeadIn } from './searchExcerpts';

const fx = useCoreWithAccount();

const search = async (text: string, filter: { status?: 'open' | 'done' } = {}) => (await fx.core.call('conversations.list', { text, ...filter })).items;
/** The excerpt as a person reads it, each word found in [brackets]. */
const marked = (conversation: Conversation | undefined) => conversation?.excerpt?.segments.map(({ text, isMatch }) => (isMatch ? `[${text}]` : text)).join('');

describe('search excerpts', () => {
  it('marks a plain word found', async () => {
    fx.ingest([commentItem({ n: 1, text: 'Quand arrive la livraison de demain?' })]);
    expect(marked((await search('livraison'))[0])).toBe('Quand arrive la [livraison] de demain?');
  });

  it('marks the accented word intact when the search had no accent', async () => {
    fx.ingest([commentItem({ n: 1, text: 'Votre café est vraiment trop bon' })]);
    const [found] = await search('cafe');
    expect(marked(found)).toBe('Votre [café] est vraiment trop bon');
  });

  it('marks every word of a search of several words, and the whole word a prefix found', async () => {
    fx.ingest([commentItem({ n: 1, text: 'Merci pour la réponse rapide au sujet du café froid' })]);
    expect(marked((await search('CAFE froid'))[0])).toBe('…rapide au sujet du [café] [froid]');
    expect(marked((await search('répon*'))[0])).toBe('Merci pour la [réponse] rapide au sujet du café froid');
  });

  it('cuts a long message around the words found', async () => {
    const words = Array.from({ length: 60 }, (_, index) => `mot${index}`);
    words[30] = 'remboursement';
    fx.ingest([commentItem({ n: 1, text: words.join(' ') })]);
    const text = marked((await search('remboursement'))[0]) ?? '';
    // A few words lead to the word found, so a row's one line shows it.
    expect(text).toBe('…mot27 mot28 mot29 [remboursement] mot31 mot32 mot33 mot34 mot35 mot36…');
    expect(text.indexOf('[')).toBeLessThanOrEqual(LEAD_IN_CHARS + 1);
    expect(text.split(' ').length).toBeLessThan(20);
  });

  it('excerpts the newest matching message of the conversation, not its newest message', async () => {
    fx.ingest([
      commentItem({ n: 1, thread: 't', text: 'Ma commande 4411 est perdue' }),
      commentItem({ n: 2, thread: 't', text: 'Avez-vous des nouvelles?' }),
    ]);
    const [found] = await search('commande');
    expect(found?.snippet).toBe('Avez-vous des nouvelles?');
    expect(marked(found)).toBe('Ma [commande] 4411 est perdue');
  });

  it('never takes marker-like characters in a message for a highlight', async () => {
    const forged = 'Faux \uE000surligné\uE001 et vrai café \u0002x\u0003 <mark>y</mark>';
    fx.ingest([commentItem({ n: 1, text: forged })]);
    const [found] = await search('cafe');
    expect(found?.excerpt?.segments).toEqual([
      { text: 'Faux \uE000surligné\uE001 et vrai ', isMatch: false },
      { text: 'café', isMatch: true },
      { text: ' \u0002x\u0003 <mark>y</mark>', isMatch: false },
    ]);
  });

  it('gives the hostility of the excerpted message, so a hostile one stays shielded', async () => {
    fx.ingest([commentItem({ n: 1, thread: 't', text: 'Espèce d’idiot, votre café est infect' }), commentItem({ n: 2, thread: 't', text: 'Bonne journée' })]);
    const [found] = await search('cafe');
    expect(found?.snippetHostility).toBeLessThan(HOSTILE_THRESHOLD);
    expect(found?.excerpt?.hostility).toBeGreaterThanOrEqual(HOSTILE_THRESHOLD);
  });

  it('keeps the status filter: a search in Done finds only done conversations, each with its excerpt', async () => {
    fx.ingest([commentItem({ n: 1, text: 'Le colis est arrivé' }), commentItem({ n: 2, text: 'Mon colis est en retard' }), commentItem({ n: 3, text: 'Rien à voir' })]);
    const all = await search('colis');
    const late = all.find((conversation) => conversation.snippet.includes('retard'));
    await fx.core.call('conversations.setStatus', { ids: [late?.id ?? ''], status: 'done' });
    const done = await fx.core.call('conversations.list', { text: 'colis', status: 'done' });
    expect([done.items.map((conversation) => marked(conversation)), done.total]).toEqual([['Mon [colis] est en retard'], 1]);
    expect((await search('colis', { status: 'open' })).map((conversation) => marked(conversation))).toEqual(['Le [colis] est arrivé']);
  });

  it('lists conversations without an excerpt when nothing is searched', async () => {
    fx.ingest([commentItem({ n: 1 })]);
    expect((await fx.core.call('conversations.list', {})).items[0]).not.toHaveProperty('excerpt');
  });

  it('finds each row’s newest match without reading every message', () => {
    const plan = fx.core.context.db
      .prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${NEWEST_MATCHES_SQL}`)
      .all({ conversationSeqs: '[1, 2]', match: '"cafe"' })
      .map((step) => step.detail)
      .join('\n');
    // Either way round (the page's messages, or the word's matches), messages are looked up by key, never scanned.
    expect(plan).toMatch(/SEARCH m USING (INTEGER PRIMARY KEY|(COVERING )?INDEX messages_by_conversation)/);
    expect(plan).not.toMatch(/SCAN m\b/);
  });

  it('cuts excerpts with the tokenizer the search index uses, so both find the same words', () => {
    const index = fx.core.context.db.prepare<[], string>("SELECT sql FROM sqlite_master WHERE name = 'message_search'").pluck().get();
    expect(index).toContain(EXCERPT_TOKENIZER);
  });
});

describe('excerpt markers', () => {
  it('splits marked text into segments', () => {
    expect(toSegments('a <b> c <d>', { open: '<', close: '>' })).toEqual([
      { text: 'a ', isMatch: false }, { text: 'b', isMatch: true }, { text: ' c ', isMatch: false }, { text: 'd', isMatch: true },
    ]);
  });

  it('shortens the text before the first word found to its last whole words, never splitting a character', () => {
    const match = { text: 'x', isMatch: true };
    expect(withShortLeadIn([{ text: 'Court ', isMatch: false }, match])).toEqual([{ text: 'Court ', isMatch: false }, match]);
    expect(withShortLeadIn([{ text: 'Bonjour, je voulais vous dire que votre ', isMatch: false }, match])).toEqual([{ text: '…vous dire que votre ', isMatch: false }, match]);
    expect(withShortLeadIn([{ text: '😀'.repeat(30), isMatch: false }, match])).toEqual([{ text: `…${'😀'.repeat(LEAD_IN_CHARS)}`, isMatch: false }, match]);
    expect(withShortLeadIn([match, { text: 'a very long text after the word found, left as it is', isMatch: false }])).toHaveLength(2);
  });

  it('picks two characters the text does not hold, past the usual ones and past the private-use area of the first plane', () => {
    expect(markersNotIn('plain')).toEqual({ open: '\uE000', close: '\uE001' });
    expect(markersNotIn('\uE000 \uE002')).toEqual({ open: '\uE001', close: '\uE003' });
    let everyBmpPrivateUse = '';
    for (let code = 0xe000; code <= 0xf8ff; code++) everyBmpPrivateUse += String.fromCodePoint(code);
    expect(markersNotIn(everyBmpPrivateUse)).toEqual({ open: String.fromCodePoint(0xf0000), close: String.fromCodePoint(0xf0001) });
  });
});
