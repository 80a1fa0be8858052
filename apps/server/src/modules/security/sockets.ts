/** Open WebSockets by key (a visitor id, an agent session's token hash), so they can be closed when the key is revoked. */
import type { WebSocket } from 'ws';

export class Sockets {
  private readonly m = new Map<string, Set<WebSocket>>();

  add(key: string, ws: WebSocket): void {
    let set = this.m.get(key);
    if (!set) this.m.set(key, (set = new Set()));
    set.add(ws);
    ws.once('close', () => this.remove(key, ws));
  }

  remove(key: string, ws: WebSocket): void {
    const set = this.m.get(key);
    if (!set) return;
    set.delete(ws);
    if (!set.size) this.m.delete(key);
  }

  /** Closes every socket of `key`; returns how many. */
  close(key: string, code: number, reason: string): number {
    const set = this.m.get(key);
    if (!set) return 0;
    this.m.delete(key);
    for (const ws of set) ws.close(code, reason);
    return set.size;
  }

  keys(): string[] {
    return [...this.m.keys()];
  }
}
