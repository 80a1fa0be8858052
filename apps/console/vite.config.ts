import { defineConfig } from 'vite';

/**
 * The operator console: a static SPA served by the Parla server under /console/.
 * JSX goes through Vite 8's built-in Oxc transform (no framework plugin needed).
 */
export default defineConfig({
  base: '/console/',
  oxc: {
    jsx: { runtime: 'automatic', importSource: 'preact' },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: true,
  },
  server: {
    // `vite` dev server: forward the API and the agent socket to a local Parla server.
    proxy: {
      '/api': 'http://127.0.0.1:3000',
      '/ws': { target: 'ws://127.0.0.1:3000', ws: true },
    },
  },
});
