/**
 * The ES modules the loader (vite.loader.config.ts) brings in later, in dist/widget/ (any shared
 * chunk lands next to them): the host-page API src/api.ts -> api.js (on idle, or on the first
 * touch); the chat UI src/chat/index.tsx -> chat.js, imported by api.js on demand together with
 * the visitor's strings, src/chat/en.ts -> en.js or src/chat/it.ts -> it.js; the proactive rules'
 * timers src/proactive.ts -> proactive.js (loaded only on sites with rules); the teaser of a
 * proactive message src/teaser.ts -> teaser.js (when one is shown, also by
 * Parla.showMessage); the site's branding src/brand.ts -> brand.js (only on sites that set some); the strings of the
 * chat's lazy extras chunk (extras-<hash>.js), src/chat/en-extras.ts -> en-extras.js and it-extras.js. Runs after
 * vite.loader.config.ts, so it must not empty dist/.
 */
import { defineConfig } from 'vite';

export default defineConfig({
  publicDir: false,
  // Classic JSX (h, Fragment imported where used): smaller than the automatic runtime's jsx() calls.
  oxc: { jsx: { runtime: 'classic', pragma: 'h', pragmaFrag: 'Fragment' } },
  build: {
    // es2022: class fields stay native (es2020 would add defineProperty helpers to the Session).
    target: 'es2022',
    outDir: 'dist/widget',
    emptyOutDir: false,
    lib: { entry: { api: 'src/api.ts', chat: 'src/chat/index.tsx', en: 'src/chat/en.ts', it: 'src/chat/it.ts', 'en-extras': 'src/chat/en-extras.ts', 'it-extras': 'src/chat/it-extras.ts', proactive: 'src/proactive.ts', teaser: 'src/teaser.ts', brand: 'src/brand.ts' }, formats: ['es'], fileName: (_format, name) => `${name}.js` },
    rolldownOptions: {
      // chat.js may export more than mount (what extras.tsx takes from it): no facade chunk in front of it.
      preserveEntrySignatures: 'allow-extension',
      // Library mode keeps whitespace and annotations for downstream bundlers; this file goes
      // straight to browsers, so minify fully.
      output: { minify: true, comments: false },
    },
  },
});
