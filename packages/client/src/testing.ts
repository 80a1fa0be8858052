/**
 * An in-memory SocketLike for unit tests of code built on Session (the client's own bookkeeping,
 * the widget's model): the test opens it, pushes server frames and reads what was sent.
 * Integration tests use real sockets against a real server instead.
 */
import type { ServerFrame } from '@parla/protocol';
import type { SocketLike } from './index.ts';

export class MemorySocket implements SocketLike {
  readyState = 0;
  sent: { type: string; [k: string]: unknown }[] = [];
  onopen: ((ev: unknown) => void) | null = null;
  onclose: ((ev: unknown) => void) | null = null;
  onerror: ((ev: unknown) => void) | null = null;
  onmessage: ((ev: { data: unknown }) => void) | null = null;
  constructor(readonly url = '') {}
  send(d: string): void {
    this.sent.push(JSON.parse(d) as { type: string });
  }
  close(): void {
    this.readyState = 3;
  }
  open(): void {
    this.readyState = 1;
    this.onopen?.({});
  }
  push(f: ServerFrame): void {
    this.onmessage?.({ data: JSON.stringify(f) });
  }
}
