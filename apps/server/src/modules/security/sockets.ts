/** Open WebSockets by key (a visitor id, an agent session's token hash), so they can be closed when the key is revoked. */
import type { WebSocket } from 'ws';

export class Sockets {
  /** One socket alone (the usual case: one tab), or a set of them: an idle visitor costs no Set. */
  private readonly m = new Map<string, WebSocket | Set<WebSocket>>();
  /** The key of each socket, for the one 'close' listener shared by all of them. */
  private readonly keyOf = new WeakMap<WebSocket, string>();
  private readonly onClose: (this: WebSocket) => void;

  constructor() {
    const sockets = this;
    this.onClose = function (this: WebSocket) {
      const key = sockets.keyOf.get(this);
      if (key !== undefined) sockets.remove(key, this);
    };
  }

  add(key: string, ws: WebSocket): void {
    const had = this.keyOf.get(ws);
    if (had !== undefined && had !== key) this.remove(had, ws);
    const cur = this.m.get(key);
    if (!cur) this.m.set(key, ws);
    else if (cur instanceof Set) cur.add(ws);
    else if (cur !== ws) this.m.set(key, new Set([cur, ws]));
    this.keyOf.set(ws, key);
    // A socket closes once: a plain listener (no once() wrapper), added the first time only.
    if (had === undefined && !ws.listeners('close').includes(this.onClose)) ws.on('close', this.onClose);
  }

  remove(key: string, ws: WebSocket): void {
    const cur = this.m.get(key);
    if (!cur) return;
    if (this.keyOf.get(ws) === key) this.keyOf.delete(ws);
    if (cur === ws) this.m.delete(key);
    else if (cur instanceof Set) {
      cur.delete(ws);
      if (cur.size === 1) this.m.set(key, cur.values().next().value!);
      else if (!cur.size) this.m.delete(key);
    }
  }

  /** Closes every socket of `key`; returns how many. */
  close(key: string, code: number, reason: string): number {
    const cur = this.m.get(key);
    if (!cur) return 0;
    this.m.delete(key);
    const list = cur instanceof Set ? [...cur] : [cur];
    for (const ws of list) {
      this.keyOf.delete(ws);
      ws.close(code, reason);
    }
    return list.length;
  }

  keys(): string[] {
    return [...this.m.keys()];
  }
}
