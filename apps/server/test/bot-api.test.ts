import { describe, expect, it } from 'vitest';
import type { FaqEntry } from '@parla/protocol';
import { SITE, useServer, withCsrf } from './harness.ts';

const ctx = useServer();
const json = { 'content-type': 'application/json' };

const kb: FaqEntry[] = [
  { id: 'en-returns', lang: 'en', question: 'How do I return an item?', alternatives: ['return policy', 'send it back'], answer: 'Within 30 days: https://shop.test/returns', quickReplies: ['Start a return'], departmentId: null, tags: ['returns'] },
  { id: 'it-resi', lang: 'it', question: 'Come faccio un reso?', alternatives: ['politica di reso', 'restituire un prodotto'], answer: 'Entro 30 giorni: https://shop.test/resi', quickReplies: [], departmentId: null, tags: ['resi'] },
];

async function admin() {
  const s = ctx.s;
  const id = await s.addAgent('boss@shop.test', 'Boss');
  s.app.parla.db.sqlite.prepare("UPDATE agents SET role = 'admin' WHERE id = ?").run(id);
  return s.login('boss@shop.test');
}

describe('FAQ import/export and try-the-bot', () => {
  it('imports (admin), exports, and answers from the imported entries', async () => {
    const s = ctx.s;
    const cookie = await admin();
    const url = `${s.url}/api/sites/${SITE}/faqs`;
    const put = await fetch(url, { method: 'PUT', headers: { ...json, ...withCsrf(cookie) }, body: JSON.stringify(kb) });
    expect(await put.json()).toEqual({ count: 2 });
    expect(await (await fetch(url, { headers: { cookie } })).json()).toEqual(kb);

    const ask = async (question: string, lang: string) =>
      (await fetch(`${s.url}/api/sites/${SITE}/bot/answer`, { method: 'POST', headers: { ...json, ...withCsrf(cookie) }, body: JSON.stringify({ question, lang }) })).json();
    expect(await ask('what is your return policy?', 'en')).toMatchObject({ faqId: 'en-returns', answer: 'Within 30 days: https://shop.test/returns', quickReplies: ['Start a return'] });
    expect(await ask('vorrei restituire il prodotto', 'it')).toMatchObject({ faqId: 'it-resi' });
    const none = await ask('do you sell bicycles?', 'en');
    expect(none).toMatchObject({ faqId: null, answer: null });
    expect(none.score).toBeLessThan(0.5);
  });

  it('refuses bad imports whole (nothing half-written) and non-admins', async () => {
    const s = ctx.s;
    const cookie = await admin();
    await s.addAgent('ada@shop.test', 'Ada');
    const agentCookie = await s.login('ada@shop.test');
    const url = `${s.url}/api/sites/${SITE}/faqs`;
    await fetch(url, { method: 'PUT', headers: { ...json, ...withCsrf(cookie) }, body: JSON.stringify(kb) });
    expect((await fetch(url, { method: 'PUT', headers: { ...json, ...withCsrf(agentCookie) }, body: JSON.stringify([]) })).status).toBe(403);
    const dup = await fetch(url, { method: 'PUT', headers: { ...json, ...withCsrf(cookie) }, body: JSON.stringify([kb[0], kb[0]]) });
    expect(dup.status).toBe(400);
    expect((await dup.json()).message).toContain('unique');
    const badLang = await fetch(url, { method: 'PUT', headers: { ...json, ...withCsrf(cookie) }, body: JSON.stringify([{ ...kb[0], lang: 'de' }]) });
    expect(badLang.status).toBe(400);
    const badDept = await fetch(url, { method: 'PUT', headers: { ...json, ...withCsrf(cookie) }, body: JSON.stringify([{ ...kb[1], id: 'x' }, { ...kb[0], departmentId: 'nope' }]) });
    expect(badDept.status).toBe(404);
    // Still the original two.
    expect(await (await fetch(url, { headers: { cookie } })).json()).toEqual(kb);
    expect((await fetch(`${s.url}/api/sites/${SITE}/bot/answer`, { method: 'POST', headers: { ...json, ...withCsrf(cookie) }, body: JSON.stringify({ question: '', lang: 'en' }) })).status).toBe(400);
    expect((await fetch(`${s.url}/api/sites/nope/faqs`, { headers: { cookie } })).status).toBe(404);
  });
});

describe('site synonyms and sensitivity (issue #17, must haves 2 and 3)', () => {
  it('a saved synonym group reaches the bot at once, and the sensitivity moves its bars', async () => {
    const s = ctx.s;
    const cookie = await admin();
    await fetch(`${s.url}/api/sites/${SITE}/faqs`, { method: 'PUT', headers: { ...json, ...withCsrf(cookie) }, body: JSON.stringify(kb) });
    const ask = async (question: string) =>
      (await fetch(`${s.url}/api/sites/${SITE}/bot/answer`, { method: 'POST', headers: { ...json, ...withCsrf(cookie) }, body: JSON.stringify({ question, lang: 'en' }) })).json();
    const before = await ask('zorbify?');
    expect(before.nearest).toEqual([]);
    const settings = s.app.parla.sites.settings(SITE)!;
    await s.app.parla.sites.saveSettings(SITE, { ...settings, botSynonyms: [['zorbify', 'send it back']] });
    expect((await ask('zorbify?')).nearest[0]).toMatchObject({ faqId: 'en-returns' });
    await s.app.parla.sites.saveSettings(SITE, { ...settings, botSensitivity: 0.9 });
    const eager = await ask('what is your return policy?');
    await s.app.parla.sites.saveSettings(SITE, { ...settings, botSensitivity: 0.1 });
    const cautious = await ask('what is your return policy?');
    expect(eager.thresholds.answer).toBeLessThan(cautious.thresholds.answer);
    // The synonyms went with the settings that no longer have them.
    expect((await ask('zorbify?')).nearest).toEqual([]);
  });
});

describe('bad questions (issue #17, must have 7)', () => {
  it('abstains on emoji, markup, code and punctuation, and refuses empty or oversized ones with a reason', async () => {
    const s = ctx.s;
    const cookie = await admin();
    const put = await fetch(`${s.url}/api/sites/${SITE}/faqs`, { method: 'PUT', headers: { ...json, ...withCsrf(cookie) }, body: JSON.stringify(kb) });
    expect(put.status).toBe(200);
    const ask = (question: string, lang = 'en') =>
      fetch(`${s.url}/api/sites/${SITE}/bot/answer`, { method: 'POST', headers: { ...json, ...withCsrf(cookie) }, body: JSON.stringify({ question, lang }) });
    const odd = [
      '😀😀😀',
      '🙏🏻❤️‍🔥',
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      "'; DROP TABLE faqs; --",
      '{"type":"message.send","body":"x"}',
      '?!?!?!...',
      '** ^^ ~~ || && NEAR()',
      '\u0000\u0001\u0002',
      'a',
    ];
    for (const lang of ['en', 'it'])
      for (const q of odd) {
        const r = await ask(q, lang);
        expect(r.status, q).toBe(200);
        expect(await r.json(), q).toMatchObject({ faqId: null, answer: null });
      }
    // The words of a real question inside markup still find it (the markup is only text).
    expect(await (await ask('<b>how do I return an item?</b>')).json()).toMatchObject({ faqId: 'en-returns' });
    for (const q of ['', '   ', 'x'.repeat(1001)]) {
      const r = await ask(q);
      expect(r.status, JSON.stringify(q.slice(0, 10))).toBe(400);
      expect(((await r.json()) as { message?: string }).message ?? '').not.toBe('');
    }
    expect((await ask('How do I return an item?', 'de')).status).toBe(400); // a language the bot does not speak
  });
});
