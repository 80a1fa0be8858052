/**
 * The chat UI: src/chat/index.tsx -> dist/widget/chat.js, an ES module the loader imports on
 * demand (any shared chunk lands next to it), and the proactive rules' timers:
 * src/proactive.ts -> dist/widget/proactive.js (loaded only on sites with rules). Runs after vite.loader.config.ts, so it must not
 * empty dist/.
 */
import { defineConfig } from 'vite';

export default defineConfig({
  publicDir: false,
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    // es2022: class fields stay native (es2020 would add defineProperty helpers to the Session).
    target: 'es2022',
    outDir: 'dist/widget',
    emptyOutDir: false,
    lib: { entry: { chat: 'src/chat/index.tsx', proactive: 'src/proactive.ts' }, formats: ['es'], fileName: (_format, name) => `${name}.js` },
    rolldownOptions: {
      // Library mode keeps whitespace and annotations for downstream bundlers; this file goes
      // straight to browsers, so minify fully.
      output: { minify: true, comments: false },
    },
  },
});
