/**
 * Layering rules (issue #18), checked by `pnpm lint:deps` and by scripts/layering.test.ts:
 * - app.ts is the composition root: only the entry points import it;
 * - apps import packages only, packages never import apps;
 * - browser code (widget, console, client) ships no zod: it imports @parla/protocol types only;
 * - no import circles in the server.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'app-is-composition-root',
      comment: 'apps/server/src/app.ts is the composition root: only the entry point server.ts imports it (modules take Services from core/services.ts).',
      severity: 'error',
      from: { path: '^apps/server/src/', pathNot: '^apps/server/src/server\\.ts$' },
      to: { path: '^apps/server/src/app\\.ts$' },
    },
    {
      name: 'apps-import-packages-only',
      comment: 'An app never imports another app (share code through packages/*).',
      severity: 'error',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'packages-never-import-apps',
      severity: 'error',
      from: { path: '^packages/' },
      to: { path: '^apps/' },
    },
    {
      name: 'browser-no-zod',
      comment: 'The widget, console and client ship no zod: not directly, nor through any module that imports it.',
      severity: 'error',
      from: { path: '^(apps/widget/src|apps/console/src|packages/client/src)/' },
      to: { path: '^zod$|node_modules/zod/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'browser-protocol-types-only',
      comment:
        'Browser code imports @parla/protocol (whose modules define zod schemas) with `import type` only; ' +
        'values come from its zod-free entries, @parla/protocol/constants and @parla/protocol/color.',
      severity: 'error',
      from: { path: '^(apps/widget/src|apps/console/src|packages/client/src)/' },
      to: { path: '^packages/protocol/src/', pathNot: '^packages/protocol/src/(constants|color)\\.ts$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'no-server-circles',
      comment:
        'No import circles under apps/server/src (type-only imports count too: they tie the layers the same way). ' +
        'Allowed for now, the circles the code had when the rule came (issue #18): ' +
        'bot/decide.ts <-> bot/matcher.ts; core/services.ts <-> security/index.ts (types only); ' +
        'agents/routes.ts -> core/services.ts -> security/index.ts -> agents/routes.ts.',
      severity: 'error',
      from: {
        path: '^apps/server/src/',
        pathNot: '^apps/server/src/(modules/bot/(decide|matcher)\\.ts|core/services\\.ts|modules/security/index\\.ts|modules/agents/routes\\.ts)$',
      },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|node_modules)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    combinedDependencies: false,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.d.ts'],
    },
    moduleSystems: ['es6', 'cjs'],
  },
};
