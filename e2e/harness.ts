/** The whole product for browser tests: the chat server and the demo shop on another origin, and Debian's Chromium. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '@parla/server/app';
import { makeConfig } from '@parla/server/config';
import { buildDemoShop, DEMO_AGENT, seedDemo } from '@parla/server/demo';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export async function startProduct() {
  const dir = mkdtempSync(join(tmpdir(), 'parla-e2e-'));
  // The shop is served as http://localhost:<port>, the chat server as http://127.0.0.1:<port>: two origins.
  const app = await buildApp(makeConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent', AGENT_OFFLINE_GRACE_MS: '100' }));
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
