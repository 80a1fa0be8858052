/**
 * Settings → Webhooks & API in headless Chromium, as the demo admin: add an endpoint (a real
 * receiver on loopback), see its secret, watch a delivery fail then succeed in the log, redeliver;
 * create an API key (shown once), use it, revoke it. Italian too.
 */
import { createServer } from 'node:http';
import { describe, expect, it } from 'vitest';
import { loginConsole, useProduct } from './harness.ts';

const env = useProduct(undefined, { WEBHOOK_ALLOW_PRIVATE: 'true', WEBHOOK_RETRY_SCHEDULE: '300ms' });

describe('console: webhooks and API keys', () => {
  it('adds an endpoint, shows its secret and delivery log, redelivers; creates, uses and revokes an API key', async () => {
    const { product, browser } = env;
    const hits: { delivery: string; status: number }[] = [];
    const receiver = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        const status = hits.length === 0 ? 500 : 200;
        hits.push({ delivery: String(req.headers['x-parla-delivery']), status });
        res.writeHead(status).end(status === 500 ? 'try later' : 'ok');
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    const hookUrl = `http://127.0.0.1:${(receiver.address() as { port: number }).port}/parla`;
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    try {
      await loginConsole(page, product);
      await page.getByTestId('nav-settings').click();
      await page.getByTestId('settings-nav-integrations').click();
      const box = page.getByTestId('integrations');
      await box.waitFor();

      // A webhook endpoint for new messages only.
      await box.getByTestId('webhook-add').click();
      await box.getByTestId('webhook-url').fill(hookUrl);
      for (const ev of ['conversation.created', 'conversation.queued', 'conversation.assigned', 'conversation.resolved', 'csat.submitted']) await box.locator(`input[data-event="${ev}"]`).uncheck();
      await box.getByTestId('webhook-save').click();
      const row = box.getByTestId('webhook-row');
      await expect.poll(() => row.count()).toBe(1);
      const secret = (await box.getByTestId('webhook-secret').textContent()) ?? '';
      expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);

      // A visitor writes: the first attempt gets a 500, the retry a 200.
      const site = product.app.parla.store.listSites()[0]!.id;
      await product.app.parla.commit.run(() => product.app.parla.store.insertVisitor('e2e-hook-visitor', site, 'e2e-hook-token-hash', Date.now()));
      const v = { id: 'e2e-hook-visitor', siteId: site };
      await product.app.parla.conversations.visitorMessage({ id: v.id, siteId: v.siteId, name: null }, 'e2e-webhook-msg-1', 'Is my order shipped?');
      await expect.poll(() => hits.map((h) => h.status), { timeout: 10_000 }).toEqual([500, 200]);
      await row.getByTestId('webhook-log-toggle').click();
      const delivery = row.getByTestId('delivery-row');
      await expect.poll(() => delivery.getAttribute('data-status')).toBe('delivered');
      await expect.poll(async () => (await delivery.textContent()) ?? '').toMatch(/message\.created.*delivered\s*2/);
      await page.screenshot({ path: '/tmp/parla-integrations.png', fullPage: true });
      await delivery.getByTestId('delivery-redeliver').click();
      await expect.poll(() => hits.length, { timeout: 10_000 }).toBe(3);
      expect(new Set(hits.map((h) => h.delivery)).size).toBe(1); // the same delivery id every time

      // An API key: shown once, works, then revoked.
      const keys = page.getByTestId('api-keys');
      await keys.getByTestId('api-key-name').fill('Order system');
      await keys.getByTestId('api-key-create').click();
      const key = (await keys.getByTestId('api-key-value').textContent()) ?? '';
      expect(key).toMatch(/^pk_[A-Za-z0-9_-]{43}$/);
      const call = () => fetch(`${product.chatUrl}/api/v1/faqs`, { headers: { authorization: `Bearer ${key}` } }).then((r) => r.status);
      expect(await call()).toBe(200);
      page.once('dialog', (d) => void d.accept());
      await keys.getByTestId('api-key-revoke').click();
      await expect.poll(() => keys.getByTestId('api-key-row').first().getAttribute('data-revoked')).toBe('true');
      expect(await call()).toBe(401);
      await page.reload();
      await page.getByTestId('nav-settings').click();
      await page.getByTestId('settings-nav-integrations').click();
      await page.getByTestId('api-keys').waitFor();
      expect(await page.getByTestId('api-keys').textContent()).not.toContain(key);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
      receiver.close();
    }
  });

  it('speaks Italian', async () => {
    const { product, browser } = env;
    const ctx = await browser.newContext({ locale: 'it-IT' });
    const page = await ctx.newPage();
    try {
      await loginConsole(page, product);
      await page.getByTestId('nav-settings').click();
      await page.getByTestId('settings-nav-integrations').click();
      const box = page.getByTestId('integrations');
      await box.waitFor();
      const text = (await box.textContent()) ?? '';
      expect(text).toContain('Webhook e API');
      expect(text).toContain('Chiavi API');
      expect(text).toContain('Crea chiave');
    } finally {
      await ctx.close();
    }
  });
});
