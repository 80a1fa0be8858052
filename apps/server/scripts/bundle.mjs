#!/usr/bin/env node
/**
 * The production build of the server (`pnpm build` at the root runs it after the widget and the
 * console): esbuild bundles src/server.ts and src/cli.ts into dist/server.js and dist/cli.js (ESM
 * for node 20) with the workspace packages (@parla/*, whose exports point at .ts sources) inside,
 * and leaves every npm package an import that node resolves from node_modules at run time. It
 * then copies beside the bundle what the bundle reads at run time, so that dist/ runs wherever it
 * is put next to a node_modules holding the server's dependencies (see src/paths.ts):
 *
 *   dist/server.js, dist/cli.js      the bundles
 *   dist/package.json                {"type":"module"}: the .js files are ES modules even alone
 *   dist/checkpoint-worker.mjs       the db package's WAL checkpointer (a worker thread, opened by URL)
 *   dist/password-worker.mjs         the password-hashing thread (src/lib/passwords.ts opens it by URL)
 *   dist/migrations/                 the db package's drizzle migrations
 *   dist/faq.json                    the demo FAQ (read by URL when the demo is seeded)
 *   dist/public/widget/              apps/widget/dist (the loader, the chat, their .br/.gz copies)
 *   dist/public/console/             apps/console/dist
 *
 * The build fails when the bundle imports a package that is not in apps/server's "dependencies"
 * (a `pnpm deploy --prod` folder would not have it), or reads a file by `new URL('./x',
 * import.meta.url)` that is not beside it, or when the widget or console has not been built.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..'); // apps/server
const dist = join(root, 'dist');
const require = createRequire(join(root, 'package.json'));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const dependencies = new Set(Object.keys(pkg.dependencies ?? {}));

const fail = (message) => {
  console.error(`server build: ${message}`);
  process.exit(1);
};

// What the bundle needs from elsewhere in the workspace.
const dbSrc = dirname(require.resolve('@parla/db')); // packages/db/src (its exports point at src/index.ts)
const assets = [
  { from: join(dbSrc, 'checkpoint-worker.mjs'), to: 'checkpoint-worker.mjs' },
  { from: join(root, 'src/lib/password-worker.mjs'), to: 'password-worker.mjs' },
  { from: join(dbSrc, '..', 'migrations'), to: 'migrations' },
  { from: join(root, 'src/modules/demo/faq.json'), to: 'faq.json' },
  { from: join(root, '../widget/dist'), to: 'public/widget', needs: 'widget.js' },
  { from: join(root, '../console/dist'), to: 'public/console', needs: 'index.html' },
];
for (const a of assets) {
  if (!existsSync(a.needs ? join(a.from, a.needs) : a.from)) {
    fail(`${relative(root, a.needs ? join(a.from, a.needs) : a.from)} is missing${a.needs ? ': build the widget and the console first (pnpm build at the root does)' : ''}`);
  }
}

const packageName = (spec) => (spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]);
const undeclared = new Map();

/** Bundles @parla/* and relative imports; every other bare import stays external (and must be a dependency). */
const npmExternal = {
  name: 'npm-external',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('@parla/')) return undefined;
      if (args.path.startsWith('node:') || builtinModules.includes(args.path)) return { external: true };
      const name = packageName(args.path);
      if (!dependencies.has(name)) undeclared.set(name, relative(join(root, '../..'), args.importer));
      return { path: args.path, external: true };
    });
  },
};

rmSync(dist, { recursive: true, force: true });
const result = await build({
  absWorkingDir: root,
  entryPoints: { server: 'src/server.ts', cli: 'src/cli.ts' },
  outdir: dist,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  define: { __PARLA_BUNDLE__: 'true' },
  plugins: [npmExternal],
  logLevel: 'warning',
});
if (result.errors.length > 0) process.exit(1);
if (undeclared.size > 0) {
  fail(
    `imports packages that are not in apps/server's "dependencies" (a deployed folder would not have them):\n` +
      [...undeclared].map(([name, by]) => `  ${name} (imported by ${by})`).join('\n'),
  );
}

writeFileSync(join(dist, 'package.json'), '{ "type": "module" }\n');
for (const a of assets) {
  mkdirSync(dirname(join(dist, a.to)), { recursive: true });
  cpSync(a.from, join(dist, a.to), { recursive: true });
}

// Every file the bundle opens by URL relative to itself must be beside it.
for (const out of ['server.js', 'cli.js']) {
  const code = readFileSync(join(dist, out), 'utf8');
  for (const m of code.matchAll(/new URL\(\s*["'`]\.\/([^"'`]+)["'`]\s*,\s*import\.meta\.url\s*\)/g)) {
    if (!existsSync(join(dist, m[1]))) fail(`dist/${out} opens ./${m[1]} by URL, and it is not in dist/`);
  }
}

const kb = (f) => `${Math.round(statSync(join(dist, f)).size / 1024)} KB`;
console.log(`server build: dist/server.js ${kb('server.js')}, dist/cli.js ${kb('cli.js')}, with ${assets.map((a) => a.to).join(', ')}`);
