/**
 * The layering rules of issue #18 (.dependency-cruiser.cjs) hold for the whole workspace: app.ts is
 * the composition root only, apps import packages only, browser code ships no zod, no import circles
 * in the server. Runs dependency-cruiser as `pnpm lint:deps` does; a planted file shows the rules bite.
 */
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const BIN = join(ROOT, 'node_modules', '.bin', 'depcruise');

interface Violation {
  from: string;
  to: string;
  rule: { name: string };
}

function cruise(): Violation[] {
  const r = spawnSync(BIN, ['apps/*/src', 'packages/*/src', '--config', '.dependency-cruiser.cjs', '--output-type', 'json'], {
    cwd: ROOT,
    encoding: 'utf8',
    shell: true,
    maxBuffer: 256 * 1024 * 1024,
  });
  expect(r.stdout, r.stderr).not.toBe('');
  const out = JSON.parse(r.stdout) as { summary: { violations: Violation[]; totalCruised: number } };
  expect(out.summary.totalCruised).toBeGreaterThan(100);
  return out.summary.violations;
}

describe('layering (dependency-cruiser)', () => {
  it('finds no violation in the workspace', () => {
    expect(cruise().map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`)).toEqual([]);
  });

  it('reports a module importing app.ts, an app importing another, zod in the widget and a server circle', () => {
    const probe = `__layering_probe_${process.pid}`;
    const files = {
      server: join(ROOT, 'apps/server/src/core', `${probe}.ts`),
      server2: join(ROOT, 'apps/server/src/core', `${probe}_b.ts`),
      widget: join(ROOT, 'apps/widget/src', `${probe}.ts`),
    };
    try {
      writeFileSync(files.server, `import { buildApp } from '../app.ts';\nimport { b } from './${probe}_b.ts';\nexport const a = [buildApp, b];\n`);
      writeFileSync(files.server2, `import { a } from './${probe}.ts';\nexport const b = () => a;\n`);
      writeFileSync(files.widget, `import { z } from 'zod';\nimport { inkOn } from '@parla/protocol';\nimport { a } from '../../server/src/core/${probe}.ts';\nexport const w = [z, inkOn, a];\n`);
      const names = new Set(cruise().map((v) => v.rule.name));
      expect([...names].sort()).toEqual(['app-is-composition-root', 'apps-import-packages-only', 'browser-no-zod', 'browser-protocol-types-only', 'no-server-circles']);
    } finally {
      for (const f of Object.values(files)) rmSync(f, { force: true });
    }
  });
});
