/**
 * Two agents in two browsers: Giulia transfers a shopper's conversation to Marco with an internal
 * note; Marco's console shows it with the note; the shopper is told, and never sees the note.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_AGENT_2 } from '@parla/server/demo';
import { loginConsole, useProduct } from './harness.ts';

const env = useProduct();

async function consoleAs(email: string, password: string): Promise<Page> {
  const page = await (await env.browser.newContext({ locale: 'en-US', viewport: { width: 1400, height: 900 } })).newPage();
  await loginConsole(page, env.product, email, password);
  return page;
}

describe('transfer between agents', () => {
  it('hands the conversation over with a note only agents see', async () => {
    const giulia = await consoleAs(env.product.agent.email, env.product.agent.password);
    const shop = await (await env.browser.newContext({ locale: 'en-US' })).newPage();
    await shop.goto(`${env.product.shopUrl}/`);
    await shop.locator('#parla-widget button.l').click();
    await shop.locator('#parla-widget textarea#parla-input').fill('My moka pot leaks from the valve');
    await shop.locator('#parla-widget textarea#parla-input').press('Enter');
    await shop.locator('#parla-widget .ev', { hasText: 'Giulia joined the chat' }).waitFor();

    const marco = await consoleAs(DEMO_AGENT_2.email, DEMO_AGENT_2.password);
    await giulia.getByTestId('inbox-item').filter({ hasText: 'leaks' }).click();
    await giulia.getByTestId('transfer-button').click();
    await giulia.getByTestId('transfer-dialog').waitFor();
    const marcoId = env.product.app.parla.store.agentByEmail(DEMO_AGENT_2.email)!.id;
    await expect.poll(() => giulia.locator(`[data-testid=transfer-agent] option[value="${marcoId}"]`).getAttribute('data-state')).toBe('ok');
    await giulia.getByTestId('transfer-agent').selectOption(marcoId);
    await giulia.getByTestId('transfer-note').fill('Warranty case: order A-1042, offer a replacement gasket');
    await giulia.getByTestId('transfer-submit').click();

    // Marco has it, with the note.
    await marco.getByTestId('inbox-item').filter({ hasText: 'leaks' }).click();
    await marco.locator('[data-testid=event][data-event=transferred]', { hasText: 'replacement gasket' }).waitFor();
    // The shopper is told, without the note.
    await shop.locator('#parla-widget .ev', { hasText: 'Marco' }).waitFor();
    await expect(shop.locator('#parla-widget').textContent()).resolves.not.toContain('gasket');
    const row = env.product.app.parla.db.sqlite.prepare("SELECT a.name FROM conversations c JOIN agents a ON a.id = c.agent_id").get();
    expect(row).toEqual({ name: 'Marco' });
  });
});
