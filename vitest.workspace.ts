/** The test projects; the root vitest.config.ts runs them all. */
export default [
  'packages/protocol',
  'packages/client',
  'packages/db',
  'apps/server',
  'apps/widget',
  'apps/console',
  'e2e',
];
