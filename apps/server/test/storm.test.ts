/**
 * What lets thousands of clients come back at once after a restart: a listen backlog that holds
 * them instead of dropping handshakes.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { startServer, type TestServer } from './harness.ts';

/** The listen backlog the kernel applies to the server's socket (`ss`: Send-Q of a listening socket), or null without `ss`. */
function kernelBacklog(s: TestServer): number | null {
  const port = new URL(s.url).port;
  let out: string;
  try {
    out = execFileSync('ss', ['-Hltn', `sport = :${port}`], { encoding: 'utf8' });
  } catch {
    return null;
  }
  const cols = out.trim().split(/\s+/);
  return Number(cols[2]);
}

function somaxconn(): number {
  try {
    return Number(execFileSync('sysctl', ['-n', 'net.core.somaxconn'], { encoding: 'utf8' }).trim());
  } catch {
    return 4096;
  }
}

describe('listen backlog', () => {
  it('listens with LISTEN_BACKLOG (default 4096, as far as the kernel allows), not Node default of 511', async () => {
    const s = await startServer();
    const t = await startServer({ env: { LISTEN_BACKLOG: '1500' } });
    try {
      const a = kernelBacklog(s);
      const b = kernelBacklog(t);
      if (a === null || b === null) return void console.warn('ss (iproute2) is not installed: backlog not checked');
      expect(a).toBe(Math.min(4096, somaxconn()));
      expect(b).toBe(Math.min(1500, somaxconn()));
    } finally {
      await s.close();
      await t.close();
    }
  });
});
