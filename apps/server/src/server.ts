/**
 * The process: read the configuration, build the app, listen, and close gracefully on SIGTERM /
 * SIGINT (stop accepting, drain sockets, flush the last group commit, close the database).
 */
import { DatabaseVersionError } from '@parla/db';
import { buildApp, listenOptions } from './app.ts';
import { cliCommand } from './paths.ts';
import { ConfigError, loadConfig } from './config.ts';
import { DEMO_AGENT, DEMO_AGENT_2, seedDemo } from './modules/demo/seed.ts';
import { buildDemoShop } from './modules/demo/shop.ts';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(2);
    }
    throw e;
  }

  let app;
  try {
    app = await buildApp(config);
  } catch (e) {
    // A database migrated by a newer Parla: say which version it needs, without a stack trace.
    if (e instanceof DatabaseVersionError) {
      console.error(`Parla cannot start: ${e.message}`);
      process.exit(1);
    }
    throw e;
  }
  const publicUrl = config.PUBLIC_URL.replace(/\/+$/, '');
  let shop: Awaited<ReturnType<typeof buildDemoShop>> | null = null;
  if (config.DEMO) {
    const shopOrigins = [`http://localhost:${config.DEMO_SHOP_PORT}`, `http://127.0.0.1:${config.DEMO_SHOP_PORT}`];
    // A fresh demo install also gets four weeks of sample history (marked as demo data) for the reports.
    await seedDemo(app.parla, config.SITE_ORIGINS?.demo ?? shopOrigins, { historyDays: 28 });
  }
  await app.listen(listenOptions(config));
  // First run: no admin yet. Only who can read this log can create the first one (console or CLI).
  const setup = await app.parla.team.issueSetupCode();
  if (setup) {
    console.log(
      [
        '',
        '  Parla is running, and has no admin yet. Create the first one:',
        `  - in the console: ${publicUrl}/console/  with the setup code  ${setup.code}`,
        `    (good once, until ${new Date(setup.expiresAt).toISOString()}; each start prints a new one until an admin exists)`,
        `  - or on this machine, with this environment: ${cliCommand} admin create --email you@example.com --name "Your Name"`,
        '',
      ].join('\n'),
    );
  }
  if (config.DEMO) {
    shop = await buildDemoShop(publicUrl);
    await shop.listen({ port: config.DEMO_SHOP_PORT, host: config.HOST });
    const lines = [
      '',
      '  Parla is running (demo mode)',
      `  Demo shop (another origin):  http://localhost:${config.DEMO_SHOP_PORT}/   and /checkout`,
      `  Agent console:               ${publicUrl}/console/`,
      `  Demo agents:                 ${DEMO_AGENT.email} / ${DEMO_AGENT.password}  (admin)`,
      `                               ${DEMO_AGENT_2.email} / ${DEMO_AGENT_2.password}`,
      `  Embed snippet:               <script async src="${publicUrl}/widget.js" data-site="demo"></script>`,
      `  Data:                        ${config.DATA_DIR}`,
      '',
    ];
    console.log(lines.join('\n'));
  }

  let closing = false;
  const close = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    await shop?.close();
    await app.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void close('SIGTERM'));
  process.on('SIGINT', () => void close('SIGINT'));
}

await main();
