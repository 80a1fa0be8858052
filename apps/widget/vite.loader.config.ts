/**
 * The loader: src/embed.ts -> dist/widget.js, one classic script (IIFE) without Preact.
 * Runs first in `pnpm build` and empties dist/; vite.config.ts then adds dist/widget/.
 */
import { defineConfig } from 'vite';

export default defineConfig({
  publicDir: false,
  build: {
    target: 'es2020',
    outDir: 'dist',
    emptyOutDir: true,
    lib: { entry: 'src/embed.ts', formats: ['iife'], name: 'ParlaLoader', fileName: () => 'widget.js' },
  },
});
