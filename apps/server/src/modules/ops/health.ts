/**
 * Health checks for load balancers and orchestrators, unauthenticated, cheap and kept out of the
 * info log (a probe every few seconds would drown it):
 *
 * - `GET /healthz`, liveness: the process answers HTTP. Nothing else is looked at, so a slow
 *   database never gets a live process restarted.
 * - `GET /readyz`, readiness: the database answers a query (a prepared `SELECT 1` on the server's
 *   own connection) and the event loop is not stalling (its longest delay of the last 1-2 s is at
 *   most READY_MAX_LAG_MS). Otherwise 503 with the reason.
 *
 * While the server shuts down, Fastify answers every request, these two included, 503 from the
 * first moment of the close (its `return503OnClosing`), and the listener closes once the sockets
 * have drained.
 */
import type { FastifyInstance } from 'fastify';

/** What /readyz answers (200 when `ready`, else 503). */
export interface Readiness {
  ready: boolean;
  /** The failing checks (empty when ready). */
  failing: ('database' | 'event_loop')[];
  /** Why it is not ready, for a person reading the probe's log (absent when ready). */
  reason?: string;
  /** The longest event-loop delay of the last 1-2 seconds, in ms. */
  eventLoopDelayMs: number;
  maxEventLoopDelayMs: number;
}

/**
 * The event loop's delay: a timer that should fire every `resolutionMs` notes how late it was.
 * The answer is the longest delay of the current and the previous window (so the last 1-2
 * windows), and how late the timer is right now (a loop stalled at this moment counts before the
 * timer gets to run). perf_hooks' monitorEventLoopDelay is not used for this: after reset() its
 * first interval is not recorded, so a stall right after each window's reset went unseen.
 * Started by the first reading, so a server nobody probes runs no timer.
 */
export class LagMonitor {
  private timer: ReturnType<typeof setInterval> | null = null;
  private last = 0;
  private windowStart = 0;
  private current = 0;
  private previous = 0;

  constructor(
    private readonly resolutionMs = 20,
    private readonly windowMs = 1000,
  ) {}

  /** The longest delay, in ms, over the last one to two windows. */
  delayMs(): number {
    const now = performance.now();
    if (!this.timer) {
      this.last = this.windowStart = now;
      this.timer = setInterval(() => this.tick(), this.resolutionMs);
      this.timer.unref();
      return 0;
    }
    return Math.round(Math.max(this.current, this.previous, now - this.last - this.resolutionMs, 0));
  }

  private tick(): void {
    const now = performance.now();
    const late = now - this.last - this.resolutionMs;
    this.last = now;
    if (now - this.windowStart >= this.windowMs) {
      this.previous = this.current;
      this.current = 0;
      this.windowStart = now;
    }
    this.current = Math.max(this.current, late);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}

export interface HealthDeps {
  /** The server's own database connection (better-sqlite3). */
  sqlite: { prepare(sql: string): { get(): unknown } };
  maxLagMs: number;
}

export function healthRoutes(app: FastifyInstance, deps: HealthDeps): void {
  const ping = deps.sqlite.prepare('SELECT 1 AS ok');
  const lag = new LagMonitor();
  app.addHook('onClose', async () => lag.stop());
  // Not logged at info (the request and response lines); warnings and errors still are.
  const quiet = { logLevel: 'warn' } as const;
  let wasReady = true;

  app.get('/healthz', quiet, async (_req, reply) => reply.header('cache-control', 'no-store').send({ ok: true }));

  app.get('/readyz', quiet, async (_req, reply) => {
    const failing: Readiness['failing'] = [];
    const reasons: string[] = [];
    try {
      ping.get();
    } catch (err) {
      failing.push('database');
      reasons.push(`database: ${err instanceof Error ? err.message : String(err)}`);
    }
    const delay = lag.delayMs();
    if (delay > deps.maxLagMs) {
      failing.push('event_loop');
      reasons.push(`event loop delayed ${delay} ms (more than READY_MAX_LAG_MS=${deps.maxLagMs})`);
    }
    const ready = failing.length === 0;
    const body: Readiness = { ready, failing, ...(ready ? {} : { reason: reasons.join('; ') }), eventLoopDelayMs: delay, maxEventLoopDelayMs: deps.maxLagMs };
    // Said once when it changes, not on every probe.
    if (ready !== wasReady) {
      if (ready) app.log.info('ready again');
      else app.log.warn({ reason: body.reason }, 'not ready');
      wasReady = ready;
    }
    return reply.code(ready ? 200 : 503).header('cache-control', 'no-store').send(body);
  });
}
