/**
 * What lets thousands of clients come back at once after a restart: a listen backlog that holds
 * them instead of dropping handshakes, and fan-out that leaves in one write per socket and turn.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
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

describe('fan-out writes', () => {
  it('frames published to a socket in one turn go down in one write to its TCP socket, complete and in order', async () => {
    const s = await startServer();
    try {
      await s.addAgent('ada@shop.test', 'Ada');
      const ws = new WebSocket(`${s.wsUrl}/ws/agent`, { headers: { origin: s.url, cookie: await s.login('ada@shop.test') } });
      const frames: { type: string; conversationId?: string }[] = [];
      ws.on('message', (d) => frames.push(JSON.parse(d.toString()) as { type: string; conversationId?: string }));
      await new Promise((r) => ws.once('open', r));
      ws.send(JSON.stringify({ type: 'hello', protocol: 3 }));
      const until = async (ok: () => boolean) => {
        const deadline = Date.now() + 5000;
        while (!ok()) {
          if (Date.now() > deadline) throw new Error(`timed out; frames: ${JSON.stringify(frames.slice(-5))}`);
          await new Promise((r) => setTimeout(r, 10));
        }
      };
      await until(() => frames.some((f) => f.type === 'welcome'));
      await new Promise((r) => setTimeout(r, 100)); // presence and the like: sent and read before we count
      // The server's end of this connection: count what goes down to the TCP socket.
      const [server] = [...s.app.websocketServer.clients] as unknown as { _socket: { _write: Function; _writev: Function } }[];
      const tcp = server!._socket;
      let writes = 0;
      for (const m of ['_write', '_writev'] as const) {
        const orig = tcp[m];
        tcp[m] = function (this: unknown, ...args: unknown[]) {
          writes++;
          return orig.apply(this, args);
        };
      }
      const before = frames.length;
      // 50 frames in one synchronous burst, as a group commit settling 50 messages sends them.
      for (let n = 0; n < 50; n++) s.app.parla.hub.publish('agents', { type: 'conversation.erased', conversationId: `burst-${n}` });
      await until(() => frames.length >= before + 50);
      expect(frames.slice(before).map((f) => f.conversationId)).toEqual(Array.from({ length: 50 }, (_, n) => `burst-${n}`));
      expect(writes).toBe(1); // frame by frame, it was 50 writes (system calls)
      ws.close();
    } finally {
      await s.close();
    }
  });
});
