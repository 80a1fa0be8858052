#!/usr/bin/env node
/**
 * Builds the folder that the container image runs; the Dockerfile runs exactly this, and the same
 * folder runs on any machine with Node 20 (`cd OUT_DIR && node dist/server.js`, and
 * `node dist/cli.js ...`), with no repository around.
 *
 *   node scripts/build-image.mjs OUT_DIR [--skip-build]
 *
 *   1. pnpm install --frozen-lockfile, then pnpm build (widget, console, server bundle).
 *      --skip-build (or PARLA_SKIP_BUILD=1) leaves this out when the tree was just built.
 *   2. pnpm --filter @parla/server deploy --prod OUT_DIR: package.json, the lockfile and a
 *      node_modules with the server's production dependencies only (better-sqlite3 built).
 *      pnpm 10 deploys from the shared lockfile only with inject-workspace-packages=true; it is
 *      set for this command alone (the server has no workspace package among its production
 *      dependencies, since they are bundled, so nothing is injected), which keeps the install
 *      frozen to pnpm-lock.yaml and off the network, while the workspace itself keeps its
 *      symlinked packages for development. (`--legacy` would resolve again against the registry.)
 *   3. apps/server/dist -> OUT_DIR/dist: the bundles and what they read beside them (migrations,
 *      the checkpoint worker, the demo FAQ, the widget and console builds).
 *   4. Checks in OUT_DIR: better-sqlite3's native module loads and answers, `node dist/cli.js
 *      help` runs.
 *
 * OUT_DIR must not exist or be empty (nothing is ever deleted there).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, lstatSync, readdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const skipBuild = args.includes('--skip-build') || process.env.PARLA_SKIP_BUILD === '1';
const outArg = args.find((a) => !a.startsWith('--'));

const fail = (message) => {
  console.error(`build-image: ${message}`);
  process.exit(1);
};

if (!outArg || args.some((a) => a.startsWith('--') && a !== '--skip-build')) {
  fail('usage: node scripts/build-image.mjs OUT_DIR [--skip-build]');
}
const out = resolve(outArg);
if (existsSync(out) && readdirSync(out).length > 0) fail(`${out} is not empty`);

// pnpm: the one running this script when there is one (`npx -y pnpm@10 test` puts no pnpm on PATH), else the one on PATH.
const execpath = process.env.npm_execpath ?? '';
const pnpmCmd = /pnpm/.test(basename(execpath)) ? (/\.[cm]?js$/.test(execpath) ? [process.execPath, execpath] : [execpath]) : ['pnpm'];

function run(cmd, argv, cwd, env = process.env, label = [basename(cmd), ...argv].join(' ')) {
  console.log(`build-image: ${label}${cwd === repo ? '' : `   (in ${cwd})`}`);
  const r = spawnSync(cmd, argv, { cwd, env, stdio: 'inherit' });
  if (r.error) fail(`${label}: ${r.error.message}`);
  if (r.status !== 0) fail(`${label} exited with ${r.status ?? r.signal}`);
}
const pnpm = (...argv) => run(pnpmCmd[0], [...pnpmCmd.slice(1), ...argv], repo, process.env, ['pnpm', ...argv].join(' '));

// 1. Install and build.
if (!skipBuild) {
  pnpm('install', '--frozen-lockfile');
  pnpm('build');
}
const built = join(repo, 'apps/server/dist');
if (!existsSync(join(built, 'server.js')) || !existsSync(join(built, 'public/widget/widget.js'))) {
  fail(`${built} has no server bundle: run pnpm build first`);
}

// 2. The production dependencies.
pnpm('--filter', '@parla/server', 'deploy', '--prod', '--config.inject-workspace-packages=true', out);

// 3. The bundle and its files, exactly as built (whatever the package's file list let deploy copy).
cpSync(built, join(out, 'dist'), { recursive: true, force: true });

// 4. It runs there, on its own: the native SQLite module and the command line.
const bare = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? out };
run(
  process.execPath,
  ['--input-type=module', '-e', "import Database from 'better-sqlite3'; const db = new Database(':memory:'); console.log('build-image: better-sqlite3 loads, SQLite ' + db.prepare('select sqlite_version() v').get().v); db.close();"],
  out,
  bare,
  'node -e <open an in-memory database with better-sqlite3>',
);
run(process.execPath, ['dist/cli.js', 'help'], out, bare);

let files = 0;
let bytes = 0;
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const st = lstatSync(p);
    if (st.isDirectory()) walk(p);
    else if (st.isFile()) {
      files++;
      bytes += st.size;
    }
  }
};
walk(out);
console.log(`build-image: ${out} ready: ${files} files, ${(bytes / 1024 / 1024).toFixed(1)} MB (node dist/server.js, node dist/cli.js)`);
