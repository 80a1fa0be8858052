/**
 * One-click learning in a real browser (issue #17, must have 5): a shopper asks the demo bot
 * something it does not answer outright; the admin sees the question in the unanswered list with
 * the entry it came closest to, adds it as a phrasing of that entry, and "Try the bot" then answers
 * it with that entry. The admin's own try is a trial, listed apart and never counted as a shopper's.
 */
import { describe, expect, it } from 'vitest';
import { loginConsole, shopperWrites, shot, useProduct } from './harness.ts';

const env = useProduct();

const QUESTION = 'Can the parcel be left at my office reception?';
const NORMALISED = 'can the parcel be left at my office reception';

describe('learning in one click', () => {
  it('turns a shopper’s unanswered question into a phrasing of its closest entry, and the bot then answers it', async () => {
    const { product, browser } = env;
    const bot = product.app.parla.bot;
    // The demo bot takes the conversation (no agent online yet) and cannot answer outright.
    const before = bot.answer('demo', QUESTION, 'en');
    expect(before.decision, 'the demo FAQ must not answer this question outright').not.toBe('answer');
    const closest = before.nearest[0]!;
    expect(closest).toBeDefined();

    const shopper = await shopperWrites(browser, product, QUESTION);
    await expect.poll(() => bot.misses('demo', 30).find((g) => g.normalised === NORMALISED)?.count ?? 0).toBe(1);
    expect(shopper.pageErrors).toEqual([]);
    await shopper.close();

    const c = await (await browser.newContext({ locale: 'en-US', viewport: { width: 1400, height: 900 } })).newPage();
    const consoleErrors: string[] = [];
    c.on('pageerror', (e) => consoleErrors.push(String(e)));
    await loginConsole(c, product);
    await c.getByTestId('nav-kb').click();
    await c.getByTestId('kb-view').waitFor();

    // The admin tries the question first: a trial, listed apart from the shoppers' questions.
    await c.getByTestId('bot-try-question').fill(QUESTION);
    await c.getByTestId('bot-try-submit').click();
    await expect.poll(() => c.getByTestId('bot-try-result').getAttribute('data-state')).toMatch(/^(abstain|suggest)$/);

    const misses = c.getByTestId('kb-misses');
    await misses.getByTestId('misses-refresh').click();
    const row = misses.locator(`[data-testid="misses-row"][data-normalised="${NORMALISED}"]`);
    await row.waitFor();
    expect(await row.getByTestId('miss-count').textContent()).toBe('1'); // the shopper's, not the trial
    expect(await row.getByTestId('miss-closest').getAttribute('data-faq-id')).toBe(closest.faqId);
    expect(await row.getByTestId('miss-closest').textContent()).toContain(closest.question);
    expect(await row.getByTestId('miss-closest').textContent()).toContain(closest.score.toFixed(2));

    await misses.getByTestId('misses-view-trials').click();
    await expect.poll(() => misses.getByTestId('misses-hint').textContent()).toContain('never counted as shoppers');
    const trialRow = misses.locator(`[data-testid="misses-row"][data-normalised="${NORMALISED}"]`);
    await expect.poll(() => trialRow.getByTestId('miss-count').textContent()).toBe('1');
    await misses.getByTestId('misses-view-shoppers').click();
    await row.waitFor();

    // One click: the proposed entry is the closest one (the FAQ has not changed since).
    const learn = row.getByTestId('miss-learn');
    expect(await learn.getAttribute('data-faq-id')).toBe(closest.faqId);
    expect(await learn.textContent()).toBe(`Add as a phrasing of “${closest.question}”`);
    await shot(c, 'bot-learning-list');
    await learn.click();
    await expect.poll(() => misses.getByTestId('misses-status').getAttribute('data-state')).toBe('ok');
    expect(await misses.getByTestId('misses-status').textContent()).toContain(closest.question);
    await expect.poll(() => row.count()).toBe(0);

    // "Try the bot" now answers the question with that entry.
    await c.getByTestId('bot-try-question').fill(QUESTION);
    await c.getByTestId('bot-try-submit').click();
    await expect.poll(() => c.getByTestId('bot-try-result').getAttribute('data-state')).toBe('answer');
    expect(await c.getByTestId('bot-try-result').getAttribute('data-faq-id')).toBe(closest.faqId);

    // The trial left its list too, and the entry keeps the new phrasing after a reload.
    await misses.getByTestId('misses-view-trials').click();
    await misses.getByTestId('misses-empty').waitFor();
    expect((await bot.faqs('demo')).find((e) => e.id === closest.faqId)!.alternatives).toContain(QUESTION);
    expect(consoleErrors).toEqual([]);
  });
});
