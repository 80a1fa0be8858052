/**
 * "Suggest when unsure" in real browsers (issue #17, must have 4): a shopper asks a vague
 * question, the bot answers "Did you mean…" with one button per entry beside "talk to a person",
 * the shopper picks one, reads its answer, says it helped, and the conversation is resolved by the
 * bot as self-service (never queued, never assigned). The agent then sees what was offered, and
 * the console's "Try the bot" shows the same decision with the nearest entries and their scores.
 * The site's FAQ is a shop's own (one question per entry); the question's decision is checked
 * first, so the test says so if the calibration moves it out of 'suggest'.
 */
import { describe, expect, it } from 'vitest';
import type { FaqEntry } from '@parla/protocol';
import { loginConsole, shopperWrites, shot, useProduct } from './harness.ts';

const entry = (id: string, lang: 'en' | 'it', question: string, answer: string, quickReplies: string[] = []): FaqEntry => ({
  id,
  lang,
  question,
  alternatives: [],
  answer,
  quickReplies,
  departmentId: null,
  tags: [],
});
const KB: FaqEntry[] = [
  entry('en-ship', 'en', 'How much does shipping cost?', 'Shipping is €4.90, free over €49.', ['Track my order']),
  entry('en-track', 'en', 'How can I track my order?', 'Use the link in your confirmation email.'),
  entry('en-return', 'en', 'How do I return an item?', 'Within 30 days, from your account.'),
  entry('it-sped', 'it', 'Quanto costa la spedizione?', '4,90 €, gratis sopra 49 €.'),
];
const VAGUE = 'i need help with my order and shipping';

const env = useProduct(async (p) => {
  await p.app.parla.bot.replaceFaqs('demo', KB);
  await p.app.parla.sites.saveSettings('demo', { ...p.app.parla.sites.settings('demo')!, botMode: 'first' });
});

describe('the bot suggests when unsure', () => {
  it('a shopper picks a suggestion, reads its answer, says yes: resolved by the bot as self-service', async () => {
    const { product, browser } = env;
    // Precondition: the bot is unsure about this question on this FAQ and would offer shipping.
    const would = product.app.parla.bot.answer('demo', VAGUE, 'en');
    expect(would.decision, `calibration moved: ${JSON.stringify(would)}`).toBe('suggest');
    expect(would.suggestions.map((x) => x.faqId)).toContain('en-ship');

    const { shop, pageErrors } = await shopperWrites(browser, product, VAGUE, 'en-US');
    const w = shop.locator('#parla-widget');
    await w.locator('.m.bot .b', { hasText: 'Did you mean' }).waitFor();
    const group = w.getByRole('group', { name: 'Suggested questions' });
    await group.waitFor();
    const choices = group.getByRole('button');
    await expect(choices.allTextContents()).resolves.toEqual([...would.suggestions.map((x) => x.question), 'Talk to a person']);
    await shot(shop, 'bot-suggest-widget');

    await group.getByRole('button', { name: 'How much does shipping cost?' }).click();
    // The pick reads as the shopper's question, then the entry's answer.
    await w.locator('.m.me .b', { hasText: 'How much does shipping cost?' }).waitFor();
    await w.locator('.m.bot .b', { hasText: 'Shipping is €4.90' }).waitFor();
    // Picked: the buttons are off.
    for (const b of await choices.all()) await expect(b.isDisabled()).resolves.toBe(true);

    await w.locator('button.fb-yes').click();
    const db = product.app.parla.db.sqlite;
    const { id } = db.prepare(`SELECT conversation_id AS id FROM messages WHERE body = ?`).get(VAGUE) as { id: string };
    const row = () => db.prepare(`SELECT state, queued_at AS queuedAt, assigned_at AS assignedAt, first_agent_reply_at AS firstReply FROM conversations WHERE id = ?`).get(id);
    await expect.poll(row).toEqual({ state: 'resolved', queuedAt: null, assignedAt: null, firstReply: null });
    // The answer is recorded as coming from a pick.
    const meta = db.prepare(`SELECT meta FROM messages WHERE author_type = 'bot' AND body = 'Shipping is €4.90, free over €49.'`).get() as { meta: string };
    expect(JSON.parse(meta.meta)).toMatchObject({ faqId: 'en-ship', pick: true });
    expect(pageErrors).toEqual([]);

    // The console: the conversation shows what was offered; "Try the bot" shows the same decision.
    const c = await (await browser.newContext({ locale: 'en-US', viewport: { width: 1400, height: 900 } })).newPage();
    await loginConsole(c, product);
    await c.goto(`${product.chatUrl}/console/c/${id}`);
    const offered = c.getByTestId('bot-suggested');
    await offered.waitFor();
    await expect(offered.textContent()).resolves.toContain('Suggested: ');
    await expect(offered.textContent()).resolves.toContain('How much does shipping cost?');
    await shot(c, 'bot-suggest-conversation');

    await c.getByTestId('nav-kb').click();
    await c.getByTestId('kb-view').waitFor();
    await c.getByTestId('bot-try-question').fill(VAGUE);
    await c.getByTestId('bot-try-submit').click();
    await expect.poll(() => c.getByTestId('bot-try-result').getAttribute('data-state')).toBe('suggest');
    await expect(c.getByTestId('bot-try-suggestions').locator('[data-faq-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-faq-id')))).resolves.toEqual(
      would.suggestions.map((x) => x.faqId),
    );
    const nearest = c.getByTestId('bot-try-nearest').locator('tbody tr');
    await expect(nearest.count()).resolves.toBe(would.nearest.length);
    await expect(nearest.first().textContent()).resolves.toContain(would.nearest[0]!.score.toFixed(2));
    await shot(c, 'bot-suggest-try', true);
  });
});
