/**
 * An agent finds a shopper by a word of their message and by an order id attribute, narrows the
 * inbox with filters, tags the conversation and writes an internal note the shopper never sees.
 */
import { describe, expect, it } from 'vitest';
import { loginConsole, shopperWrites, useProduct } from './harness.ts';

const env = useProduct();
const SHOTS = process.env.SHOTS_DIR;

describe('the inbox an agent can read', () => {
  it('search by word and order id, filters, tags, notes', async () => {
    const { product, browser } = env;
    const parla = product.app.parla;
    const siteId = parla.store.listSites()[0]!.id;
    parla.db.sqlite.prepare(`INSERT INTO tags (id, site_id, name, created_at) VALUES ('tag-late', ?, 'Late delivery', 1)`).run(siteId);

    const a = await shopperWrites(browser, product, 'My zabaglione maker arrived without its whisk');
    const b = await shopperWrites(browser, product, 'Hello, a question about my order please');
    // The host page told us b's order id.
    const convB = parla.db.sqlite.prepare(`SELECT visitor_id AS v FROM conversations ORDER BY created_at DESC, rowid DESC LIMIT 1`).get() as { v: string };
    await parla.visitors.setAttributes(convB.v, { orderId: 'Z-99117' });

    const page = await (await browser.newContext({ locale: 'en-US', viewport: { width: 1400, height: 900 } })).newPage();
    await loginConsole(page, product);
    // The admin adds the tag in Settings.
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('settings-nav-tags').click();
    const manager = page.getByTestId('tag-manager');
    await manager.getByTestId('tag-new').fill('VIP');
    await manager.getByTestId('tag-create').click();
    await manager.getByTestId('tag-row').filter({ hasText: 'VIP' }).waitFor();
    const vipId = (await manager.getByTestId('tag-row').filter({ hasText: 'VIP' }).getAttribute('data-tag-id'))!;
    expect(parla.db.sqlite.prepare(`SELECT name FROM tags WHERE id = ?`).get(vipId)).toEqual({ name: 'VIP' });
    await page.getByTestId('nav-inbox').click();
    const search = page.getByTestId('inbox-search-input');
    const results = page.getByTestId('inbox-results');
    /** Types `q` and waits for the results of exactly that query (not the previous one's). */
    const find = async (q: string) => {
      await search.fill(q);
      await page.locator(`[data-testid=inbox-results][data-loading=false][data-query="${q}"]`).waitFor();
      return results.getByTestId('inbox-item').count();
    };

    // A word of the message: exactly that shopper, with the department and channel on the row.
    expect(await find('zabaglione')).toBe(1);
    const hit = results.getByTestId('inbox-item').first();
    await expect(hit.getByTestId('inbox-preview').textContent()).resolves.toContain('zabaglione maker');
    await expect(hit.getByTestId('inbox-meta').textContent()).resolves.toContain('Web chat');

    // The order id the host page gave: the other shopper.
    expect(await find('Z-99117')).toBe(1);
    await expect(results.getByTestId('inbox-item').first().getByTestId('inbox-preview').textContent()).resolves.toContain('question about my order');
    expect(await find('Z-99118')).toBe(0);
    await results.getByTestId('inbox-no-results').waitFor();

    // Open the first shopper, tag the conversation, write a note.
    expect(await find('zabaglione')).toBe(1);
    await results.getByTestId('inbox-item').first().locator('.inbox-open').click();
    const conv = page.getByTestId('conversation');
    await conv.getByTestId('conversation-tag-add').selectOption(vipId);
    await conv.locator(`[data-testid=conversation-tag][data-tag-id="${vipId}"]`).waitFor();
    await page.getByTestId('note-toggle').check();
    await page.getByTestId('reply-input').fill('Whisk missing from batch 12: check the warehouse');
    await page.getByTestId('reply-send').click();
    await conv.locator('[data-testid=event][data-event=note]', { hasText: 'batch 12' }).waitFor();
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/inbox-search-note-1400.png` });

    // Filters: by tag only the tagged conversation; by channel callback none of these.
    await search.fill('');
    await page.getByTestId('inbox-filters-toggle').click();
    await page.getByTestId('filter-tag').selectOption(vipId);
    await expect.poll(() => results.getByTestId('inbox-item').count()).toBe(1);
    await page.locator('[data-testid=inbox-results][data-loading=false]').waitFor();
    expect(await results.getByTestId('inbox-item').count()).toBe(1);
    await expect(results.getByTestId('inbox-item').first().getByTestId('inbox-tags').textContent()).resolves.toContain('VIP');
    await page.getByTestId('filter-tag').selectOption('');
    await page.getByTestId('filter-channel').selectOption('callback');
    expect(await find('zabaglione')).toBe(0);
    await results.getByTestId('inbox-no-results').waitFor();
    await page.getByTestId('filter-channel').selectOption('web');
    await page.locator('[data-testid=inbox-results][data-loading=false] [data-testid=inbox-item]').first().waitFor();
    expect(await results.getByTestId('inbox-item').count()).toBe(1);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/inbox-filters-1400.png` });
    // Clearing brings the live inbox back.
    await page.getByTestId('inbox-search-clear').click();
    await page.getByTestId('inbox-section-mine').waitFor();

    // The shopper never sees the note.
    await expect(a.shop.locator('#parla-widget').textContent()).resolves.not.toContain('batch 12');
    await a.close();
    await b.close();
  });
});
