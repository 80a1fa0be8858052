/**
 * The FAQ bot in real browsers: with no agent online the demo's bot answers a shopper from the FAQ
 * (Italian and English), the shopper clicks "talk to a person", and the agent who logs in gets the
 * conversation with the bot exchange, marked as the bot's.
 */
import { describe, expect, it } from 'vitest';
import { loginConsole, useProduct } from './harness.ts';

const env = useProduct();

describe('the FAQ bot', () => {
  it('answers in Italian and hands over in one click; the agent sees the bot exchange', async () => {
    const shop = await (await env.browser.newContext({ locale: 'it-IT' })).newPage();
    await shop.goto(`${env.product.shopUrl}/`);
    await shop.locator('#parla-widget button.l').click();
    const w = shop.locator('#parla-widget');
    await w.locator('textarea#parla-input').fill('Quanto costa la spedizione in Italia?');
    await w.locator('textarea#parla-input').press('Enter');
    const answer = w.locator('.m.bot .b').first();
    await answer.waitFor();
    await expect(answer.textContent()).resolves.toContain('4,90');
    await w.locator('button.fb-yes').waitFor();

    // One click to a person.
    await w.locator('button.fb-no').click();
    const db = env.product.app.parla.db.sqlite;
    await expect.poll(() => (db.prepare("SELECT state FROM conversations").get() as { state: string }).state).toBe('queued');

    const c = await (await env.browser.newContext({ locale: 'en-US', viewport: { width: 1400, height: 900 } })).newPage();
    await loginConsole(c, env.product);
    await c.getByTestId('inbox-item').first().click();
    await c.locator('[data-testid=message][data-author-type=bot]', { hasText: '4,90' }).waitFor();
    await c.locator('[data-testid=message][data-author-type=visitor]', { hasText: 'spedizione' }).waitFor();
    await shop.locator('#parla-widget .ev', { hasText: 'Giulia' }).waitFor();
  });

  it('answers in English and "yes, thanks" resolves it as self-service', async () => {
    // The agent from the first test is still online: take her offline so the bot answers.
    const giulia = env.product.app.parla.store.agentByEmail(env.product.agent.email)!;
    await env.product.app.parla.agents.setPresence(giulia.id, 'away');
    const shop = await (await env.browser.newContext({ locale: 'en-US' })).newPage();
    await shop.goto(`${env.product.shopUrl}/`);
    await shop.locator('#parla-widget button.l').click();
    const w = shop.locator('#parla-widget');
    await w.locator('textarea#parla-input').fill('How much does shipping cost?');
    await w.locator('textarea#parla-input').press('Enter');
    await w.locator('.m.bot .b').first().waitFor();
    await w.locator('button.fb-yes').click();
    const db = env.product.app.parla.db.sqlite;
    await expect
      .poll(() => db.prepare("SELECT state, assigned_at AS a, first_agent_reply_at AS f FROM conversations WHERE state != 'assigned' ORDER BY created_at DESC LIMIT 1").get())
      .toEqual({ state: 'resolved', a: null, f: null });
  });
});
