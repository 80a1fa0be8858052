/**
 * Crash safety: the real server (a child process) is killed with SIGKILL at random moments while
 * four visitors and an agent chat through the real Session, and started again on the same port
 * and database. Afterwards every acknowledged message is stored exactly once, every
 * conversation's seq is gap-free, both sides received exactly what was stored, in order, and
 * `PRAGMA integrity_check` is ok. Ends with a SIGTERM: the server drains and exits 0.
 *
 * Kills land anywhere: mid group commit, during startup (migrations, before listening), while the
 * clients resend what accumulated during the downtime.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { agentAt, oneTo, prng, sleep, until, visitorAt } from './clients.ts';
import { freePort, inspect, ServerProcess, SHOP, SITE } from './child.ts';

const VISITORS = 4;
const PER_VISITOR = 1250; // 5,000 visitor messages
const MIN_KILLS = 12;
/** Visitor messages per second (all visitors): spreads the sending over the kills. */
const RATE = 300;

describe('kill -9 at random moments', () => {
  let server: ServerProcess;
  afterAll(() => server?.dispose());

  it('loses no acknowledged message, duplicates none, keeps seqs gap-free and the database intact', { timeout: 120_000 }, async () => {
    const seed = Number(process.env.CRASH_SEED ?? Date.now() % 1_000_000);
    const rnd = prng(seed);
    server = new ServerProcess(await freePort());
    await server.seed();
    await server.start();
    const cookie = await server.login();

    const agent = agentAt(server.wsUrl, server.url, cookie);
    const visitors = Array.from({ length: VISITORS }, () => visitorAt(server.wsUrl, SHOP, SITE));
    await until(() => agent.welcomes > 0 && visitors.every((v) => v.welcomes > 0), () => 'first welcomes');

    // The agent answers about one visitor message in eight, in the conversation it came from.
    let agentSent = 0;
    agent.session.on('item', (conversationId, item) => {
      if (item.kind === 'message' && item.authorType === 'visitor' && rnd() < 0.125) agent.send({ conversationId }, `reply ${agentSent++}`);
    });

    // Sending: paced by the clock, round robin over the visitors, whatever the server's state.
    let sent = 0;
    const started = Date.now();
    const sender = setInterval(() => {
      const due = Math.min(VISITORS * PER_VISITOR, Math.floor(((Date.now() - started) / 1000) * RATE));
      while (sent < due) {
        const v = visitors[sent % VISITORS]!;
        v.send({}, `v${sent % VISITORS} #${Math.floor(sent / VISITORS)}`);
        sent++;
      }
    }, 10);

    // Killing: at a random moment after a start (a fifth of the time, and at least twice, before it is even listening).
    let kills = 0;
    let killedStarting = 0;
    while (kills < MIN_KILLS || sent < VISITORS * PER_VISITOR) {
      if (rnd() < 0.2 || kills % 6 === 2) {
        await sleep(rnd() * 400);
        if (!server.running) throw new Error(`the server exited by itself:\n${server.stderr.slice(-2000)}`);
        const exit = await server.stop('SIGKILL');
        expect(exit.signal).toBe('SIGKILL');
        killedStarting++;
      } else {
        await server.ready();
        await sleep(150 + rnd() * 1200);
        const exit = await server.stop('SIGKILL');
        expect(exit.signal).toBe('SIGKILL');
      }
      kills++;
      await sleep(rnd() * 300); // down for a moment: the clients' outboxes fill up
      server.spawn();
    }
    clearInterval(sender);
    await server.ready();

    // Everything sent is eventually acknowledged, and every side catches up with what is stored.
    const everyone = [...visitors, agent];
    await until(
      () => everyone.every((c) => c.session.pending().length === 0),
      () => `outboxes still hold ${everyone.map((c) => c.session.pending().length).join(', ')}`,
      30_000,
    );
    const convOf = (v: (typeof visitors)[number]) => [...v.seqs.keys()];
    await until(
      () => visitors.every((v) => convOf(v).length === 1 && agent.known.has(convOf(v)[0]!)) && [...agent.known].every(([id, last]) => agent.lastSeq(id) === last && visitors.some((v) => v.lastSeq(id) === last)),
      () => `delivery: agent ${JSON.stringify([...agent.known].map(([id, last]) => [last, agent.lastSeq(id), ...visitors.map((v) => v.lastSeq(id))]))}`,
      30_000,
    );

    // A graceful stop after all this: drained, exit code 0.
    const exit = await server.stop('SIGTERM');
    expect(exit).toEqual({ code: 0, signal: null });
    for (const c of everyone) c.close();

    const db = server.open();
    const facts = inspect(db);
    db.close();
    const acked = everyone.reduce((n, c) => n + c.acked.size, 0);
    // A kill between the fan-out and the ack leaves a message confirmed only by the stream.
    const confirmed = everyone.reduce((n, c) => n + c.confirmed.size, 0);
    const totalSent = everyone.reduce((n, c) => n + c.sent.size, 0);
    const refused = everyone.flatMap((c) => c.refused);
    console.log(
      `crash test (seed ${seed}): ${totalSent} messages sent (${sent} by ${VISITORS} visitors, ${agentSent} by the agent), ${confirmed} acknowledged (${acked} by an ack frame, the rest seen in the stream), ` +
        `${kills} SIGKILLs (${killedStarting} while starting), ${server.starts} starts, ${facts.messages} messages stored ` +
        `in ${facts.conversations} conversations, seq gaps ${facts.gaps.length}, integrity_check ${facts.integrity}, reconnects ${everyone.map((c) => c.welcomes - 1).join("/")}; ack frames per client ${everyone.map((c) => `${c.acked.size}/${c.sent.size}`).join(" ")}`,
    );

    expect(facts.integrity).toBe('ok');
    expect(facts.gaps).toEqual([]);
    expect(refused).toEqual([]);
    expect(kills).toBeGreaterThanOrEqual(10);
    expect(totalSent).toBeGreaterThanOrEqual(5000);
    // Every acknowledged (here: every sent) message is stored exactly once.
    expect(confirmed).toBe(totalSent);
    const wrong = everyone.flatMap((c) => [...c.sent.keys()].filter((id) => facts.byClient.get(id) !== 1).map((id) => `${id}: stored ${facts.byClient.get(id) ?? 0} times`));
    expect(wrong).toEqual([]);
    expect(facts.messages).toBe(totalSent); // nothing else wrote messages (no bot on this site)

    // Each side received every item of each conversation exactly once, in seq order; each
    // sender's messages are stored in the order they were sent.
    expect(facts.conversations).toBe(VISITORS);
    for (const v of visitors) {
      const [id] = convOf(v);
      const last = facts.lastSeq.get(id!)!;
      expect(v.seqs.get(id!)).toEqual(oneTo(last));
      expect(agent.seqs.get(id!)).toEqual(oneTo(last));
      const mine = v.delivered.get(id!)!.filter((m) => m.authorType === 'visitor').map((m) => m.body);
      expect(mine).toEqual([...v.sent.values()]);
    }
    const replies = [...agent.delivered.values()].flat().filter((m) => m.authorType === 'agent').map((m) => m.clientId);
    expect(new Set(replies).size).toBe(agentSent);
  });
});
