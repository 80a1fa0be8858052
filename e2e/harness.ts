/** The whole product for browser tests: the chat server and the demo shop on another origin, and Debian's Chromium. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '@parla/server/app';
import { makeConfig } from '@parla/server/config';
import { buildDemoShop, DEMO_AGENT, seedDemo } from '@parla/server/demo';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export async function startProduct(env: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'parla-e2e-'));
  // The shop is served as http://localhost:<port>, the chat server as http://127.0.0.1:<port>: two origins.
  const app = await buildApp(makeConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent', AGENT_OFFLINE_GRACE_MS: '100', ...env }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const port = (app.server.address() as { port: number }).port;
  const chatUrl = `http://127.0.0.1:${port}`;
  const shop = await buildDemoShop(chatUrl);
  await shop.listen({ port: 0, host: '127.0.0.1' });
  const shopUrl = `http://localhost:${(shop.server.address() as { port: number }).port}`;
  await seedDemo(app.parla, [shopUrl]);
  return {
    app,
    chatUrl,
    shopUrl,
    agent: DEMO_AGENT,
    async close() {
      await shop.close();
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'],
  });
}

export type Product = Awaited<ReturnType<typeof startProduct>>;

/** The product and a browser for the tests of the calling file; `prepare` runs before the browser starts. */
export function useProduct(prepare?: (p: Product) => Promise<void>, env: Record<string, string> = {}) {
  const ctx = {} as { product: Product; browser: Browser };
  beforeAll(async () => {
    ctx.product = await startProduct(env);
    if (prepare) await prepare(ctx.product);
    ctx.browser = await launch();
  });
  afterAll(async () => {
    await ctx.browser?.close();
    await ctx.product?.close();
  });
  return ctx;
}

/** Logs into the console in `page` and waits for the app. */
export async function loginConsole(page: Page, product: Product, email = product.agent.email, password = product.agent.password): Promise<void> {
  await page.goto(`${product.chatUrl}/console/`);
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('presence-toggle').waitFor();
}

/**
 * A shopper in their own browser context (`locale`) on the demo shop: opens the widget and writes
 * `text`; resolves once the widget shows it. `pageErrors` collects the page's uncaught errors.
 */
export async function shopperWrites(browser: Browser, product: Product, text: string, locale = 'en-US') {
  const ctx = await browser.newContext({ locale });
  const shop = await ctx.newPage();
  const pageErrors: string[] = [];
  shop.on('pageerror', (e) => pageErrors.push(String(e)));
  await shop.goto(`${product.shopUrl}/`);
  await shop.locator('#parla-widget button.l').click();
  const input = shop.locator('#parla-widget textarea#parla-input');
  await input.click(); // as a shopper taps the message box: the focus stays there when the welcome's fields arrive
  await input.fill(text);
  await input.press('Enter');
  await shop.locator('#parla-widget .m.me .b', { hasText: text }).waitFor();
  return { ctx, shop, pageErrors, close: () => ctx.close() };
}

/** A screenshot for a note or a review, taken only when SHOTS_DIR names a folder (CI takes none). */
export async function shot(target: { screenshot(o: { path: string; fullPage?: boolean }): Promise<unknown> }, name: string, fullPage = false): Promise<void> {
  const dir = process.env.SHOTS_DIR;
  if (dir) await target.screenshot({ path: join(dir, `${name}.png`), ...(fullPage ? { fullPage } : {}) });
}
