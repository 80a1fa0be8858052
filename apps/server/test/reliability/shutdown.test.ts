/**
 * Graceful shutdown: SIGTERM while visitors are writing. The server stops taking new sockets,
 * flushes the last group commit, closes every socket with 1001 "going away", closes the database
 * and exits 0. Nothing acknowledged is lost; after a restart the clients resume and every
 * message is stored exactly once.
 */
import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { freePort, inspect, ServerProcess, SHOP, SITE } from './child.ts';
import { agentAt, oneTo, until, visitorAt } from './clients.ts';

describe('SIGTERM', () => {
  let server: ServerProcess;
  afterAll(() => server?.dispose());

  it('drains: sockets closed with 1001, last commit flushed, exit 0; clients resume after the restart', { timeout: 60_000 }, async () => {
    server = new ServerProcess(await freePort());
    await server.seed();
    await server.start();
    const agent = agentAt(server.wsUrl, server.url, await server.login());
    const visitors = [visitorAt(server.wsUrl, SHOP, SITE), visitorAt(server.wsUrl, SHOP, SITE)];
    // A bare socket, to read the close code the server sends.
    const raw = new WebSocket(`${server.wsUrl}/ws/visitor?site=${SITE}`, { headers: { origin: SHOP } });
    const rawClose = new Promise<{ code: number; reason: string }>((res) => raw.on('close', (code, reason) => res({ code, reason: reason.toString() })));
    raw.on('error', () => {});
    await until(() => raw.readyState === raw.OPEN && agent.welcomes > 0 && visitors.every((v) => v.welcomes > 0), () => 'connected');

    // Writing hard when the signal comes: a burst every few milliseconds.
    let n = 0;
    const writer = setInterval(() => {
      for (let i = 0; i < 10; i++) for (const v of visitors) v.send({}, `m${n++}`);
    }, 5);
    await until(() => visitors.every((v) => v.acked.size > 50), () => 'some acknowledged');
    const exit = await server.stop('SIGTERM');
    clearInterval(writer);
    const ackedAtShutdown = new Set(visitors.flatMap((v) => [...v.confirmed]));

    expect(exit).toEqual({ code: 0, signal: null });
    expect(await rawClose).toEqual({ code: 1001, reason: 'server shutting down' });

    // Acknowledged means stored, and the database was closed cleanly.
    let db = server.open();
    let facts = inspect(db);
    db.close();
    expect(facts.integrity).toBe('ok');
    const lost = [...ackedAtShutdown].filter((id) => facts.byClient.get(id) !== 1);
    expect(lost).toEqual([]);
    const storedAtShutdown = facts.messages;

    // The restart: clients reconnect on their own, resend what was not acknowledged (deduped)
    // and catch up.
    await server.start();
    const everyone = [...visitors, agent];
    await until(() => everyone.every((c) => c.session.pending().length === 0), () => `pending ${everyone.map((c) => c.session.pending().length)}`);
    const ids = visitors.map((v) => [...v.seqs.keys()][0]!);
    await until(() => ids.every((id) => agent.known.has(id) && agent.lastSeq(id) === agent.known.get(id) && visitors.some((v) => v.lastSeq(id) === agent.known.get(id))), () => 'caught up');
    expect((await server.stop('SIGTERM')).code).toBe(0);
    for (const c of everyone) c.close();

    db = server.open();
    facts = inspect(db);
    db.close();
    const sent = visitors.flatMap((v) => [...v.sent.keys()]);
    console.log(
      `graceful shutdown: SIGTERM while 2 visitors wrote ${sent.length} messages; ${ackedAtShutdown.size} acknowledged before it, ${storedAtShutdown} stored at exit (exit code 0, close code 1001); ` +
        `after the restart all ${facts.messages} stored exactly once, integrity ${facts.integrity}`,
    );
    expect(facts.gaps).toEqual([]);
    expect(sent.filter((id) => facts.byClient.get(id) !== 1)).toEqual([]);
    expect(facts.messages).toBe(sent.length);
    for (const [i, v] of visitors.entries()) {
      const id = ids[i]!;
      expect(v.seqs.get(id)).toEqual(oneTo(facts.lastSeq.get(id)!));
      expect(agent.seqs.get(id)).toEqual(oneTo(facts.lastSeq.get(id)!));
      expect(v.delivered.get(id)!.map((m) => m.body)).toEqual([...v.sent.values()]);
    }
  });
});
