/**
 * A misbehaving network on loopback: a TCP proxy in front of the server that delays every chunk
 * (keeping order), and on demand resets a connection (RST), closes it cleanly (FIN), or drops it
 * (black hole: nothing more is forwarded either way and nobody is told; keepalive pings find it),
 * or goes down altogether (every connection cut and refused until it is up again).
 */
import { createServer, connect, type Server, type Socket } from 'node:net';

interface Pair {
  client: Socket;
  upstream: Socket;
  dead: boolean;
}

export class FlakyProxy {
  private server: Server | null = null;
  private readonly pairs = new Set<Pair>();
  private readonly holes = new Set<Pair>();
  readonly stats = { connections: 0, refused: 0, resets: 0, closes: 0, drops: 0, chunks: 0, stalls: 0 };
  port = 0;

  constructor(
    private readonly target: number,
    private readonly rnd: () => number,
    /** Each chunk waits 0..maxDelayMs; now and then a stall of stallMs holds a direction. */
    private readonly opts: { maxDelayMs: number; stallMs: number; stallChance: number },
  ) {}

  listen(): Promise<number> {
    return new Promise((res) => {
      this.server = createServer((client) => this.accept(client));
      this.server.listen(0, '127.0.0.1', () => {
        const a = this.server!.address();
        this.port = typeof a === 'object' && a ? a.port : 0;
        res(this.port);
      });
    });
  }

  /** While down, every connection is cut at once (RST) and new ones are refused: the network is off. */
  down = false;

  setDown(down: boolean): void {
    this.down = down;
    if (!down) return;
    for (const p of [...this.pairs]) {
      p.dead = true;
      p.client.resetAndDestroy();
      p.upstream.resetAndDestroy();
      this.pairs.delete(p);
    }
  }

  private accept(client: Socket): void {
    if (this.down) {
      this.stats.refused++;
      client.on('error', () => {});
      client.resetAndDestroy();
      return;
    }
    this.stats.connections++;
    const upstream = connect(this.target, '127.0.0.1');
    const pair: Pair = { client, upstream, dead: false };
    this.pairs.add(pair);
    const forward = (from: Socket, to: Socket) => {
      // Chunks leave in order: each waits for the one before it and its own delay.
      let chain = Promise.resolve();
      from.on('data', (chunk) => {
        if (pair.dead) return;
        this.stats.chunks++;
        let delay = this.rnd() * this.opts.maxDelayMs;
        if (this.rnd() < this.opts.stallChance) {
          delay += this.opts.stallMs;
          this.stats.stalls++;
        }
        chain = chain.then(
          () =>
            new Promise<void>((r) =>
              setTimeout(() => {
                if (!pair.dead && !to.destroyed) to.write(chunk);
                r();
              }, delay),
            ),
        );
      });
      from.on('end', () => void chain.then(() => !pair.dead && to.end()));
    };
    forward(client, upstream);
    forward(upstream, client);
    const gone = () => {
      if (pair.dead) return;
      pair.dead = true;
      client.destroy();
      upstream.destroy();
      this.pairs.delete(pair);
    };
    client.on('error', gone).on('close', () => !pair.dead && setTimeout(gone, this.opts.maxDelayMs + 5));
    upstream.on('error', gone).on('close', () => !pair.dead && setTimeout(gone, this.opts.maxDelayMs + 5));
  }

  /** Does one bad thing to one random live connection; returns what it did. */
  strike(): 'reset' | 'close' | 'drop' | null {
    const live = [...this.pairs].filter((p) => !p.dead);
    const p = live[Math.floor(this.rnd() * live.length)];
    if (!p) return null;
    const r = this.rnd();
    if (r < 0.45) {
      this.stats.resets++;
      p.dead = true;
      p.client.resetAndDestroy();
      p.upstream.resetAndDestroy();
      this.pairs.delete(p);
      return 'reset';
    }
    if (r < 0.7) {
      this.stats.closes++;
      p.dead = true;
      p.client.end();
      p.upstream.end();
      this.pairs.delete(p);
      return 'close';
    }
    // A black hole: both sockets stay open and silent until the proxy closes.
    this.stats.drops++;
    p.dead = true;
    this.pairs.delete(p);
    this.holes.add(p);
    return 'drop';
  }

  close(): Promise<void> {
    for (const p of [...this.pairs, ...this.holes]) {
      p.client.destroy();
      p.upstream.destroy();
    }
    return new Promise((r) => (this.server ? this.server.close(() => r()) : r()));
  }
}
