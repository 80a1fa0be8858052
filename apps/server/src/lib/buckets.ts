/**
 * Token buckets by key (a visitor, an IP address, a site): `capacity` at once, refilled evenly over
 * `windowMs`. Memory stays bounded: when the map grows past `maxKeys`, buckets that are full again
 * (and so carry no information) are dropped.
 */
export interface Rate {
  capacity: number;
  windowMs: number;
}

export class Buckets {
  private readonly m = new Map<string, { tokens: number; at: number }>();
  private readonly perMs: number;

  constructor(
    private readonly rate: Rate | null,
    private readonly maxKeys = 100_000,
  ) {
    this.perMs = rate ? rate.capacity / rate.windowMs : 0;
  }

  private level(key: string, now: number): number {
    const b = this.m.get(key);
    if (!b || !this.rate) return this.rate?.capacity ?? Infinity;
    return Math.min(this.rate.capacity, b.tokens + (now - b.at) * this.perMs);
  }

  /** 0 when `key` may act now, else how many ms until it may. Takes nothing. */
  wait(key: string, now: number): number {
    if (!this.rate) return 0;
    const level = this.level(key, now);
    return level >= 1 ? 0 : Math.ceil((1 - level) / this.perMs);
  }

  /**
   * Takes one token (call after wait() returned 0 for every bucket that applies). Taken from an
   * empty bucket the level goes below zero (a debt repaid by the refill), down to `floor`.
   */
  take(key: string, now: number, floor = -Infinity): void {
    if (!this.rate) return;
    this.m.set(key, { tokens: Math.max(floor, this.level(key, now) - 1), at: now });
    if (this.m.size > this.maxKeys) this.prune(now);
  }

  /** The tokens `key` has now (capacity when unseen; below zero: a debt). */
  available(key: string, now: number): number {
    return this.level(key, now);
  }

  /** How many keys have a bucket now. */
  get size(): number {
    return this.m.size;
  }

  /** Drops the bucket of a key that will not be seen again (a closed connection). */
  forget(key: string): void {
    this.m.delete(key);
  }

  private prune(now: number): void {
    for (const [k] of this.m) if (this.level(k, now) >= this.rate!.capacity) this.m.delete(k);
  }
}

/**
 * Checks several buckets at once: 0 and every bucket charged when all allow, else the longest wait
 * (and none charged, so a refused action costs nothing).
 */
export function takeAll(checks: [Buckets, string][], now: number): number {
  let wait = 0;
  for (const [b, k] of checks) wait = Math.max(wait, b.wait(k, now));
  if (wait === 0) for (const [b, k] of checks) b.take(k, now);
  return wait;
}

/**
 * What one connection may send: at most `frames.capacity` frames per `frames.windowMs` and
 * `bytes.capacity` bytes per `bytes.windowMs` (an `off` rate: no limit). Charged for every frame
 * before it is parsed, so it is two increments and two comparisons on the object's own integer
 * fields: no clock, no map, no allocation. The clock is read only when a count passes its limit,
 * to see whether its window is over (then a new window starts with this frame). A window starts
 * at the frame that found the last one over, so a client spending its budget at the very end of
 * one window and again at the start of the next gets at most twice the limit in a short time.
 */
export class FrameBudget {
  private frames = 0;
  private bytes = 0;
  private framesFrom: number;
  private bytesFrom: number;
  private readonly maxFrames: number;
  private readonly maxBytes: number;
  private readonly framesWindow: number;
  private readonly bytesWindow: number;

  constructor(frames: Rate | null, bytes: Rate | null, now: number) {
    this.maxFrames = frames ? frames.capacity : Infinity;
    this.maxBytes = bytes ? bytes.capacity : Infinity;
    this.framesWindow = frames ? frames.windowMs : Infinity;
    this.bytesWindow = bytes ? bytes.windowMs : Infinity;
    this.framesFrom = this.bytesFrom = now;
  }

  /** Charges one frame of `size` bytes; false when it is over the budget of the current window. */
  take(size: number): boolean {
    let ok = true;
    if (++this.frames > this.maxFrames) ok = this.renewFrames();
    if ((this.bytes += size) > this.maxBytes) ok = this.renewBytes(size) && ok;
    return ok;
  }

  private renewFrames(): boolean {
    const now = Date.now();
    if (now - this.framesFrom < this.framesWindow) return false;
    this.framesFrom = now;
    this.frames = 1;
    return true;
  }

  private renewBytes(size: number): boolean {
    const now = Date.now();
    if (now - this.bytesFrom < this.bytesWindow) return false;
    this.bytesFrom = now;
    this.bytes = size;
    return size <= this.maxBytes;
  }
}
