/**
 * The production build as a shop installs it: scripts/build-image.mjs (what the Dockerfile runs)
 * writes a deployed folder outside the repository; the bundled server and command line run from
 * it with plain node (no tsx), from a working directory outside the repository, and a shopper and
 * an agent chat through it.
 *
 * It uses the tree's build (`--skip-build`): `pnpm test` builds first; alone, run `pnpm build`
 * before it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { newClientId } from '@parla/client';
import type { AgentToServer, ServerToAgent, ServerToVisitor, VisitorToServer } from '@parla/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { TestClient } from './harness.ts';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const SHOP = 'http://shop.test';

interface Done {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs a process to its end (stdin written then closed), collecting its output. */
function run(cmd: string, args: string[], opts: { cwd: string; env: Record<string, string>; stdin?: string }): Promise<Done> {
  return new Promise((res, rej) => {
    const child = spawn(cmd, args, { cwd: opts.cwd, env: opts.env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', rej);
    child.on('close', (code, signal) => res({ code, signal, stdout, stderr }));
    child.stdin.end(opts.stdin ?? '');
  });
}

function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.once('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => res(port));
    });
  });
}

describe('the production build (scripts/build-image.mjs, node dist/server.js)', () => {
  let root = '';
  let out = '';
  let work = '';
  let env: Record<string, string> = {};
  let url = '';
  let server: ChildProcess | null = null;
  let serverExit: Promise<Done> | null = null;
  let serverOut = { stdout: '', stderr: '' };
  const clients: { close(): void }[] = [];

  beforeAll(async () => {
    expect(existsSync(join(repo, 'apps/server/dist/server.js')), 'build first: pnpm build').toBe(true);
    root = mkdtempSync(join(tmpdir(), 'parla-prod-'));
    out = join(root, 'parla');
    work = join(root, 'elsewhere'); // the working directory of every process: neither the repository nor the folder
    mkdirSync(work);
    const built = await run(process.execPath, [join(repo, 'scripts/build-image.mjs'), out, '--skip-build'], {
      cwd: repo,
      env: process.env as Record<string, string>,
    });
    if (built.code !== 0) throw new Error(`build-image failed (${built.code}):\n${built.stdout.slice(-3000)}\n${built.stderr.slice(-3000)}`);
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    // Only what an operator sets: no NODE_OPTIONS, no tsx loader, nothing of vitest.
    env = {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? root,
      DATA_DIR: join(root, 'data'),
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: url,
      SITE_ORIGINS: `shop=${SHOP}`,
      LOG_LEVEL: 'warn',
    };
  }, 600_000);

  afterAll(async () => {
    for (const c of clients) c.close();
    if (server && server.exitCode === null) {
      server.kill('SIGKILL');
      await serverExit;
    }
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('is a folder of its own: package.json, production node_modules and dist/ with what the bundle reads', () => {
    expect(readdirSync(out).sort()).toEqual(['dist', 'node_modules', 'package.json', 'pnpm-lock.yaml']);
    for (const f of ['server.js', 'cli.js', 'checkpoint-worker.mjs', 'password-worker.mjs', 'faq.json', 'migrations/meta/_journal.json', 'public/widget/widget.js', 'public/console/index.html']) {
      expect(existsSync(join(out, 'dist', f)), f).toBe(true);
    }
    // Production dependencies only: the workspace packages are inside the bundle, tsx and the test tools are not installed.
    const modules = readdirSync(join(out, 'node_modules'));
    // (ws is the server's own since the hub encodes with its Sender.)
    expect(modules).toEqual(expect.arrayContaining(['better-sqlite3', 'drizzle-orm', 'fastify', 'zod', 'nanoid', 'ws']));
    for (const absent of ['@parla', 'tsx', 'esbuild', 'vitest', 'typescript']) expect(modules, absent).not.toContain(absent);
    // Nothing in the bundle points back into the repository.
    for (const f of ['server.js', 'cli.js']) expect(readFileSync(join(out, 'dist', f), 'utf8')).not.toContain(repo);
  });

  it('runs the command line: node dist/cli.js help', async () => {
    const r = await run(process.execPath, [join(out, 'dist/cli.js'), 'help'], { cwd: work, env });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('admin create --email EMAIL --name NAME');
  });

  it('refuses a widget folder that holds no widget build (exit code 2, naming WIDGET_DIR)', async () => {
    const r = await run(process.execPath, [join(out, 'dist/server.js')], { cwd: work, env: { ...env, WIDGET_DIR: work } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('WIDGET_DIR=');
    expect(r.stderr).toContain('no widget.js in this folder');
  });

  it('starts with plain node and serves the widget and the console it was built with', async () => {
    const child = spawn(process.execPath, [join(out, 'dist/server.js')], { cwd: work, env, stdio: ['ignore', 'pipe', 'pipe'] });
    server = child;
    serverOut = { stdout: '', stderr: '' };
    child.stdout.setEncoding('utf8').on('data', (d: string) => (serverOut.stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (serverOut.stderr += d));
    serverExit = new Promise((res) => child.on('close', (code, signal) => res({ code, signal, ...serverOut })));
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}):\n${serverOut.stderr}${serverOut.stdout}`);
      const ok = await fetch(`${url}/healthz`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const widget = await fetch(`${url}/widget.js`);
    expect(widget.status).toBe(200);
    expect(Buffer.from(await widget.arrayBuffer()).equals(readFileSync(join(out, 'dist/public/widget/widget.js')))).toBe(true);
    const chat = await fetch(`${url}/widget/chat.js`);
    expect(chat.status).toBe(200);
    await chat.arrayBuffer();
    const consolePage = await fetch(`${url}/console/`);
    expect(consolePage.status).toBe(200);
    expect(await consolePage.text()).toBe(readFileSync(join(out, 'dist/public/console/index.html'), 'utf8'));
    // The database was created where DATA_DIR says, by the migrations copied beside the bundle.
    expect(existsSync(join(env.DATA_DIR!, 'parla.db'))).toBe(true);
  }, 60_000);

  it('creates an admin with node dist/cli.js, who logs in and chats with a shopper both ways', async () => {
    expect(server?.exitCode, 'the server of the previous test is running').toBeNull();
    const password = 'a long enough passphrase 42';
    const created = await run(process.execPath, [join(out, 'dist/cli.js'), 'admin', 'create', '--email', 'owner@shop.test', '--name', 'Olga Owner'], {
      cwd: work,
      env,
      stdin: `${password}\n`,
    });
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    expect(created.stdout).toContain('admin owner@shop.test (Olga Owner) created');

    const login = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: url },
      body: JSON.stringify({ email: 'owner@shop.test', password }),
    });
    expect(login.status).toBe(200);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    expect(cookie).toMatch(/^parla_session=./);

    const wsUrl = url.replace(/^http/, 'ws');
    const agent = new TestClient<AgentToServer, ServerToAgent>(`${wsUrl}/ws/agent`, () => ({ type: 'hello', protocol: 1 }), { origin: url, cookie });
    clients.push(agent);
    await agent.frame('welcome');

    const shopper = new TestClient<VisitorToServer, ServerToVisitor>(
      `${wsUrl}/ws/visitor?site=shop`,
      () => ({ type: 'hello', protocol: 1, page: { url: `${SHOP}/`, title: 'Shop' } }),
      { origin: SHOP },
    );
    clients.push(shopper);
    const welcome = await shopper.frame('welcome');
    expect(welcome.type === 'welcome' && welcome.agentsOnline).toBe(1);

    shopper.session.sendReliable({ type: 'message.send', clientId: newClientId(), body: 'Do you ship to Bologna?' });
    const ack = await shopper.frame('ack');
    await agent.frame('inbox.upsert', (f) => f.conversation.id === ack.conversationId && f.conversation.state === 'assigned');
    agent.session.track(ack.conversationId);
    await agent.waitFor(() => agent.messages().includes('Do you ship to Bologna?'), "the shopper's message at the agent", 15_000);
    agent.session.sendReliable({ type: 'message.send', clientId: newClientId(), conversationId: ack.conversationId, body: 'Yes, in two days.' });
    await shopper.waitFor(() => shopper.messages().includes('Yes, in two days.'), "the agent's reply at the shopper", 15_000);
    expect(shopper.items.some((i) => i.item.kind === 'event' && i.item.event === 'assigned' && i.item.agentName === 'Olga Owner')).toBe(true);
  }, 60_000);

  it('stops cleanly on SIGTERM, having logged no error (the checkpoint worker was found)', async () => {
    for (const c of clients.splice(0)) c.close();
    expect(server?.exitCode, 'the server of the previous tests is running').toBeNull();
    server!.kill('SIGTERM');
    const done = await serverExit!;
    expect(done.code).toBe(0);
    // LOG_LEVEL=warn: any line is a warning or an error; a missing checkpoint-worker.mjs would emit "WAL checkpointer stopped".
    expect(done.stderr).toBe('');
    // stdout: only the first-run banner (the install had no admin when it started), with its setup code.
    expect(done.stdout).toMatch(/has no admin yet[\s\S]*setup code {2}[0-9A-Z]{4}(-[0-9A-Z]{4}){3}\n/);
    expect(done.stdout.replace(/\n {2}Parla is running, and has no admin yet[\s\S]*?\n\n/, '')).toBe('');
  }, 30_000);
});

describe('WIDGET_DIR and CONSOLE_DIR', () => {
  const widget = join(repo, 'apps/widget/dist');
  const consoleDir = join(repo, 'apps/console/dist');

  it('default to the workspace builds when run from the sources', () => {
    const c = loadConfig({});
    expect(c.WIDGET_DIR).toBe(widget);
    expect(c.CONSOLE_DIR).toBe(consoleDir);
    expect(c.DATA_DIR).toBe(join(repo, 'data'));
  });

  it('take a build folder, resolved against the working directory', () => {
    const c = loadConfig({ WIDGET_DIR: widget, CONSOLE_DIR: join(consoleDir, '..', 'dist') });
    expect(c.WIDGET_DIR).toBe(widget);
    expect(c.CONSOLE_DIR).toBe(consoleDir);
    expect(loadConfig({ WIDGET_DIR: relative(process.cwd(), widget) }).WIDGET_DIR).toBe(widget);
  });

  it('name the variable when the folder holds no such build', () => {
    expect(() => loadConfig({ WIDGET_DIR: consoleDir })).toThrow(/WIDGET_DIR=.*no widget\.js in this folder/);
    expect(() => loadConfig({ CONSOLE_DIR: '/nonexistent/parla-console' })).toThrow(/CONSOLE_DIR=.*no index\.html in this folder/);
  });
});
