/**
 * Settings → AI provider in headless Chromium, as the demo admin: off until set; set a provider (a
 * small fake of the OpenAI embeddings API on loopback that checks the Bearer key), save, the key
 * field stays empty and says a key is stored, "Test connection" reports ok; a wrong key reports
 * the provider's refusal without showing the key. Italian too.
 */
import { createServer } from 'node:http';
import { describe, expect, it } from 'vitest';
import { loginConsole, useProduct } from './harness.ts';

const env = useProduct();
const KEY = 'sk-e2e-0a1b2c3d4e5f60718293a4b5c6d7e8f9';

describe('console: the AI provider settings', () => {
  it('saves a provider with a write-only key and tests the connection', async () => {
    const { product, browser } = env;
    const auths: string[] = [];
    const fake = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c));
      req.on('end', () => {
        auths.push(String(req.headers.authorization));
        if (req.headers.authorization !== `Bearer ${KEY}`) return void res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":{"message":"Incorrect API key provided.","type":"invalid_request_error","param":null,"code":"invalid_api_key"}}');
        const { input } = JSON.parse(body) as { input: string[] };
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ object: 'list', data: input.map((_, index) => ({ object: 'embedding', index, embedding: [0.1, 0.2, 0.3] })), model: 'm', usage: { prompt_tokens: 1, total_tokens: 1 } }));
      });
    });
    await new Promise<void>((r) => fake.listen(0, '127.0.0.1', r));
    const baseUrl = `http://127.0.0.1:${(fake.address() as { port: number }).port}/v1`;
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    try {
      await loginConsole(page, product);
      await page.getByTestId('nav-settings').click();
      await page.getByTestId('settings-nav-provider').click();
      const box = page.getByTestId('provider-settings');
      await box.waitFor();
      expect(await box.getByTestId('provider-enabled').isChecked()).toBe(false);
      expect(await box.getByTestId('provider-test').count()).toBe(0); // nothing to test yet

      await box.getByTestId('provider-enabled').check();
      await box.getByTestId('provider-baseUrl').fill(baseUrl);
      await box.getByTestId('provider-embeddingModel').fill('nomic-embed-text');
      await box.getByTestId('provider-useEmbeddings').check();
      await box.getByTestId('provider-apiKey').fill(KEY);
      await box.getByTestId('provider-save').click();
      await expect.poll(async () => (await box.textContent()) ?? '').toContain('Saved.');
      expect(await box.getByTestId('provider-apiKey').inputValue()).toBe('');
      expect(await box.getByTestId('provider-apiKey').getAttribute('placeholder')).toBe('Stored (leave empty to keep it)');
      expect(await page.content()).not.toContain(KEY);

      await box.getByTestId('provider-test').click();
      await expect.poll(async () => (await box.getByRole('status').textContent()) ?? '').toMatch(/^Connected: the embeddings call answered in \d+ ms\.$/);
      expect(auths.at(-1)).toBe(`Bearer ${KEY}`);

      // After a reload: still set, the key still only "stored".
      await page.reload();
      await page.getByTestId('provider-settings').waitFor();
      await expect.poll(() => page.getByTestId('provider-baseUrl').inputValue()).toBe(baseUrl);
      expect(await page.getByTestId('provider-enabled').isChecked()).toBe(true);
      expect(await page.content()).not.toContain(KEY);

      // A wrong key: the provider's refusal, not the key.
      await page.getByTestId('provider-apiKey').fill('sk-wrong-e2e-key');
      await page.getByTestId('provider-save').click();
      await expect.poll(async () => (await page.getByTestId('provider-settings').textContent()) ?? '').toContain('Saved.');
      await page.getByTestId('provider-test').click();
      await expect.poll(async () => (await page.getByTestId('provider-settings').getByRole('alert').textContent()) ?? '').toBe('The provider did not answer: HTTP 401 (check the API key)');
      expect(await page.content()).not.toContain('sk-wrong-e2e-key');
      expect(errors).toEqual([]);
    } finally {
      await page.close();
      fake.close();
    }
  });

  it('speaks Italian', async () => {
    const { product, browser } = env;
    const ctx = await browser.newContext({ locale: 'it-IT' });
    const page = await ctx.newPage();
    try {
      await loginConsole(page, product);
      await page.getByTestId('nav-settings').click();
      await page.getByTestId('settings-nav-provider').click();
      const box = page.getByTestId('provider-settings');
      await box.waitFor();
      const text = (await box.textContent()) ?? '';
      expect(text).toContain('Fornitore di IA');
      expect(text).toContain('Usa il fornitore');
      expect(text).toContain('Chiave API');
    } finally {
      await ctx.close();
    }
  });
});
