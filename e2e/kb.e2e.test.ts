/**
 * The console's knowledge base in a real browser: an admin tries the bot, turns an unanswered
 * question into a FAQ entry, and the bot then answers it.
 */
import { describe, expect, it } from 'vitest';
import { loginConsole, useProduct } from './harness.ts';

const env = useProduct();

describe('knowledge base in the console', () => {
  it('tries the bot, creates an entry from an unanswered question, and the bot answers it', async () => {
    const { product } = env;
    // A question the demo FAQ cannot answer (engraving is not in it), as a shopper asked it (the demo
    // bot answers when no agent is online).
    const convs = product.app.parla.conversations;
    const v = (await product.app.parla.visitors.hello('demo', undefined, undefined)).visitor;
    await convs.visitorMessage({ id: v.id, siteId: 'demo', name: null }, 'clientid-kb-1', 'Can you engrave a name on a moka pot?', { lang: 'en' });

    const c = await (await env.browser.newContext({ locale: 'en-US', viewport: { width: 1400, height: 900 } })).newPage();
    await loginConsole(c, product);
    await c.getByTestId('nav-kb').click();
    await c.getByTestId('kb-view').waitFor();
    await expect.poll(() => c.getByTestId('kb-row').count()).toBe(90);

    await c.getByTestId('bot-try-question').fill('How much does shipping cost?');
    await c.getByTestId('bot-try-submit').click();
    await expect.poll(() => c.getByTestId('bot-try-result').getAttribute('data-state')).toBe('answer');

    await c.getByTestId('misses-row').filter({ hasText: 'engrave' }).getByTestId('miss-create').click();
    await c.getByTestId('kb-form').waitFor();
    await expect(c.getByTestId('kb-question').inputValue()).resolves.toBe('Can you engrave a name on a moka pot?');
    await c.getByTestId('kb-alternatives').fill('engraving\npersonalised moka pot');
    await c.getByTestId('kb-answer').fill('Yes: engraving costs €9.90 and adds 2 working days. https://bottega.example/engraving');
    await c.getByTestId('kb-save').click();
    await expect.poll(() => c.getByTestId('kb-row').count()).toBe(91);

    const answer = product.app.parla.bot.answer('demo', 'can you engrave my moka?', 'en');
    expect(answer.answer).toContain('engraving costs €9.90');
  });
});
