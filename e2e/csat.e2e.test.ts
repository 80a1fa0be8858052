/**
 * Satisfaction survey in real browsers: the agent resolves, the shopper (in Italian) rates the
 * conversation with a face and a comment, changes their mind, and the rating reaches the agent's
 * console (inbox, conversation) and the reports page.
 */
import { describe, expect, it } from 'vitest';
import type { Metrics } from '@parla/protocol';
import { loginConsole, shopperWrites, useProduct } from './harness.ts';

const env = useProduct();

describe('CSAT survey', () => {
  it('the visitor rates a resolved conversation; the agent and the reports see it', async () => {
    const agentCtx = await env.browser.newContext({ locale: 'en-US' });
    const console_ = await agentCtx.newPage();
    await loginConsole(console_, env.product);

    const { shop, pageErrors } = await shopperWrites(env.browser, env.product, 'Buongiorno, la moka da 6 tazze va bene sull’induzione?', 'it-IT');

    const row = console_.getByTestId('inbox-item').first();
    await row.waitFor();
    const conversationId = (await row.getAttribute('data-conversation-id'))!;
    await row.click();
    await console_.getByTestId('reply-input').fill('Sì, ha la base a induzione.');
    await console_.getByTestId('reply-send').click();
    await shop.locator('#parla-widget .m:not(.me) .b', { hasText: 'induzione' }).waitFor();
    // No survey while the conversation is open.
    await expect(shop.locator('#parla-widget .sv').count()).resolves.toBe(0);
    await console_.getByTestId('resolve-button').click();

    // The survey, in Italian: five faces with their names (visible), in view, at least 44×44 px each.
    const survey = shop.locator('#parla-widget .sv');
    await survey.getByText('Com’è andata questa conversazione?').waitFor();
    await expect(survey.locator('.fc button').count()).resolves.toBe(5);
    await expect(survey.locator('.fc button').allInnerTexts()).resolves.toEqual(['Pessimo', 'Scarso', 'Normale', 'Buono', 'Ottimo']);
    for (const box of await Promise.all((await survey.locator('.fc button').all()).map((b) => b.boundingBox()))) {
      expect(box!.width).toBeGreaterThanOrEqual(44);
      expect(box!.height).toBeGreaterThanOrEqual(44);
    }
    // In view inside the chat's log, and no pre-chat field came back in the resolved conversation.
    const inView = await shop.locator('#parla-widget .sv').evaluate((el) => {
      const log = el.closest('.log')!.getBoundingClientRect();
      const r = el.getBoundingClientRect();
      return r.top >= log.top - 1 && r.bottom <= log.bottom + 1;
    });
    expect(inView).toBe(true);
    await expect(shop.locator('#parla-widget .pc').count()).resolves.toBe(0);
    const colours = await survey.locator('.fc button').evaluateAll((bs) => bs.map((b) => getComputedStyle(b).color));
    expect(new Set(colours).size).toBe(5);
    await survey.getByRole('button', { name: 'Scarso' }).click();
    await survey.getByText('Grazie per la tua opinione!').waitFor();
    await expect(survey.getByRole('button', { name: 'Scarso' }).getAttribute('aria-pressed')).resolves.toBe('true');
    const store = env.product.app.parla.store;
    await expect.poll(() => store.csatOf(conversationId)?.rating).toBe(2);
    // Changed within 24 hours, with a comment: still one rating, the new one.
    await survey.getByRole('button', { name: 'Ottimo' }).click();
    await expect.poll(() => store.csatOf(conversationId)?.rating).toBe(5);
    await survey.locator('textarea').fill('Risposta chiara e veloce');
    await survey.getByRole('button', { name: 'Invia commento' }).click();
    await expect.poll(() => store.csatOf(conversationId)?.comment).toBe('Risposta chiara e veloce');
    await expect(survey.getByRole('button', { name: 'Ottimo' }).getAttribute('aria-pressed')).resolves.toBe('true');
    const n = env.product.app.parla.db.sqlite.prepare(`SELECT count(*) AS n FROM csat_ratings WHERE conversation_id = ?`).get(conversationId) as { n: number };
    expect(n.n).toBe(1);

    // The reports count it: one rating, positive, for the one surveyed conversation.
    const res = await agentCtx.request.get(`${env.product.chatUrl}/api/metrics?from=${Date.now() - 3600_000}&to=${Date.now() + 60_000}&groupBy=none`);
    expect(res.status()).toBe(200);
    const m = (await res.json()) as Metrics;
    expect(m.totals.csat).toMatchObject({ surveyed: 1, ratings: 1, positive: 1, score: 1, responseRate: 1 });

    // The console shows it live: the face in the inbox row and on the conversation, with the comment...
    const inboxRow = console_.locator(`[data-testid=inbox-item][data-conversation-id="${conversationId}"]`);
    await inboxRow.getByTestId('csat-face').and(console_.locator('[data-rating="5"]')).waitFor();
    await expect(console_.getByTestId('kpi-csat').textContent()).resolves.toContain('5/5');
    await expect(console_.getByTestId('csat-comment').textContent()).resolves.toContain('Risposta chiara e veloce');
    // ...and the reports' CSAT tile counts it.
    await console_.getByTestId('nav-reports').click();
    await console_.getByTestId('tile-csat-ratings').and(console_.locator('[data-value="1"]')).waitFor();
    await expect(console_.getByTestId('tile-csat').getAttribute('data-value')).resolves.toBe('1');
    expect(pageErrors).toEqual([]);
  });
});
