/**
 * Where the server finds what is not its code, by default: the widget and console builds, the
 * database migrations and the data folder. Two layouts:
 *
 * - From the sources (tsx, vitest): this file is apps/server/src/paths.ts in the repository; the
 *   builds are the workspace's (apps/widget/dist, apps/console/dist), the migrations the db
 *   package's own, the data `<repo>/data`.
 * - The bundle (`pnpm build` writes apps/server/dist/server.js and cli.js; a deployed folder has
 *   the same dist/): this code is inside dist/server.js or dist/cli.js, and the build copied what
 *   it needs beside it (scripts/bundle.mjs): dist/public/widget, dist/public/console,
 *   dist/migrations, dist/checkpoint-worker.mjs, dist/password-worker.mjs, dist/faq.json. So a dist/ folder runs wherever it
 *   is put (next to a node_modules with the server's dependencies); the data goes to `data/`
 *   beside dist/.
 *
 * WIDGET_DIR, CONSOLE_DIR and DATA_DIR override these (config.ts).
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** `true` in the bundle: scripts/bundle.mjs defines it (esbuild `define`); undeclared from the sources. */
declare const __PARLA_BUNDLE__: boolean | undefined;

const here = dirname(fileURLToPath(import.meta.url));

export const bundled = typeof __PARLA_BUNDLE__ !== 'undefined' && __PARLA_BUNDLE__ === true;

/** How to run the command line from here: the bundle's own cli.js, or the repository's script. */
export const cliCommand = bundled ? `node ${join(here, 'cli.js')}` : 'pnpm parla';

export interface DefaultPaths {
  /** The widget build (widget.js and widget/). */
  widget: string;
  /** The console build (index.html and its assets). */
  console: string;
  /** The drizzle migrations folder; `undefined`: the db package's own (from the sources). */
  migrations: string | undefined;
  /** Where parla.db and the attachments live. */
  data: string;
}

export const defaultPaths: DefaultPaths = bundled
  ? {
      widget: join(here, 'public', 'widget'),
      console: join(here, 'public', 'console'),
      migrations: join(here, 'migrations'),
      data: resolve(here, '..', 'data'),
    }
  : {
      widget: resolve(here, '../../widget/dist'),
      console: resolve(here, '../../console/dist'),
      migrations: undefined,
      data: resolve(here, '../../..', 'data'),
    };
