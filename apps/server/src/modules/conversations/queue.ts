/**
 * The waiting line, kept in memory so that a place costs O(log n) to read and a change costs what
 * it changes (issue #18, must have 1): one list per site and department, in serving order
 * (priority first, then the longest waiting, then creation order, as the router drains it).
 *
 * The database stays the truth: the index is loaded from it at start and told, after every commit,
 * which conversations changed (`reconcile` re-reads those rows), so it cannot drift by missing one
 * code path. Each list remembers the lowest place where something moved since the shoppers were
 * last told, so telling them walks only the part of the line that moved.
 */
import type { QueueEntryRow } from '@parla/db';

export interface QueueEntry {
  id: string;
  visitorId: string;
  siteId: string;
  departmentId: string | null;
  priority: number;
  queuedAt: number;
  serial: number;
}

/** One site and department's line, and what moved in it since it was last walked. */
export interface QueueLine {
  readonly key: string;
  readonly siteId: string;
  readonly departmentId: string | null;
  /** In serving order. */
  readonly entries: QueueEntry[];
  /** Places from this index (0-based) on may have changed since the last walk; Infinity: none. */
  movedFrom: number;
}

/** Serving order: higher priority first, then earlier queued, then created first. */
function servingOrder(a: QueueEntry, b: QueueEntry): number {
  return b.priority - a.priority || a.queuedAt - b.queuedAt || a.serial - b.serial;
}

const lineKey = (siteId: string, departmentId: string | null): string => `${siteId}\n${departmentId ?? ''}`;

export class QueueIndex {
  private readonly lines = new Map<string, QueueLine>();
  private readonly byId = new Map<string, QueueEntry>();

  /** Replaces everything with these rows (at start, or after a bulk erase). */
  load(rows: Iterable<QueueEntryRow>): void {
    this.lines.clear();
    this.byId.clear();
    for (const r of rows) if (r.state === 'queued' && r.queuedAt !== null) this.put(toEntry(r));
    for (const line of this.lines.values()) line.movedFrom = 0;
  }

  /** The conversation as it is now (undefined: gone): in its line at its place, or out of every line. */
  reconcile(id: string, row: QueueEntryRow | undefined): void {
    const old = this.byId.get(id);
    const queued = row && row.state === 'queued' && row.queuedAt !== null ? toEntry(row) : null;
    if (old && queued && sameSpot(old, queued)) {
      old.visitorId = queued.visitorId;
      return;
    }
    if (old) this.remove(old);
    if (queued) this.put(queued);
  }

  /** The 1-based place of a queued conversation in its line; 0 when it is not waiting. */
  position(id: string): number {
    const e = this.byId.get(id);
    if (!e) return 0;
    const line = this.lines.get(lineKey(e.siteId, e.departmentId))!;
    return indexOf(line.entries, e) + 1;
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /**
   * Every line with something moved since the last call, with the first place that moved; the
   * marks are cleared, so a change while the caller walks marks its line again. Empty lines go.
   */
  takeMoved(): { line: QueueLine; from: number }[] {
    const out: { line: QueueLine; from: number }[] = [];
    for (const line of this.lines.values()) {
      if (line.movedFrom === Infinity) continue;
      if (line.entries.length) out.push({ line, from: line.movedFrom });
      line.movedFrom = Infinity;
      if (!line.entries.length) this.lines.delete(line.key);
    }
    return out;
  }

  /** Something moved in this line from `index` on (a walk left a shopper for later). */
  mark(line: QueueLine, index: number): void {
    line.movedFrom = Math.min(line.movedFrom, index);
  }

  /** Whether any line has something moved not yet taken. */
  get anyMoved(): boolean {
    for (const line of this.lines.values()) if (line.movedFrom !== Infinity) return true;
    return false;
  }

  /** Marks every line as moved from the front (what an estimate's inputs changing means: an agent came or went). */
  touchAll(): void {
    for (const line of this.lines.values()) line.movedFrom = 0;
  }

  /** Marks a line as moved from the front (its estimate's inputs changed: a new recent wait). */
  touch(siteId: string, departmentId: string | null): void {
    const line = this.lines.get(lineKey(siteId, departmentId));
    if (line) line.movedFrom = 0;
  }

  private put(e: QueueEntry): void {
    const key = lineKey(e.siteId, e.departmentId);
    let line = this.lines.get(key);
    if (!line) {
      line = { key, siteId: e.siteId, departmentId: e.departmentId, entries: [], movedFrom: Infinity };
      this.lines.set(key, line);
    }
    const at = insertionPoint(line.entries, e);
    line.entries.splice(at, 0, e);
    line.movedFrom = Math.min(line.movedFrom, at);
    this.byId.set(e.id, e);
  }

  private remove(e: QueueEntry): void {
    const line = this.lines.get(lineKey(e.siteId, e.departmentId))!;
    const at = indexOf(line.entries, e);
    line.entries.splice(at, 1);
    line.movedFrom = Math.min(line.movedFrom, at);
    this.byId.delete(e.id);
  }
}

function toEntry(r: QueueEntryRow): QueueEntry {
  return { id: r.id, visitorId: r.visitorId, siteId: r.siteId, departmentId: r.departmentId, priority: r.priority, queuedAt: r.queuedAt!, serial: r.serial };
}

function sameSpot(a: QueueEntry, b: QueueEntry): boolean {
  return a.siteId === b.siteId && a.departmentId === b.departmentId && a.priority === b.priority && a.queuedAt === b.queuedAt && a.serial === b.serial;
}

/** The first index whose entry comes after `e` in serving order. */
function insertionPoint(entries: readonly QueueEntry[], e: QueueEntry): number {
  let lo = 0;
  let hi = entries.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (servingOrder(entries[mid]!, e) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The index of `e` (present) in its line, by binary search on the serving order (serials are unique). */
function indexOf(entries: readonly QueueEntry[], e: QueueEntry): number {
  let lo = 0;
  let hi = entries.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const c = servingOrder(entries[mid]!, e);
    if (c === 0) return mid;
    if (c < 0) lo = mid + 1;
    else hi = mid - 1;
  }
  throw new Error(`queue index: ${e.id} is not in its line`);
}
