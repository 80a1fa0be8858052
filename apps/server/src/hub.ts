/**
 * In-process fan-out. Everything that reaches a socket after a commit goes through `publish`, so
 * running several server nodes later means replacing this one class (e.g. with Redis pub/sub).
 *
 * Topics: `visitor:<visitorId>` (a visitor's sockets), `conv:<conversationId>` (agent sockets
 * following a conversation), `agents` (every agent socket: inbox and presence), `agent:<agentId>`.
 *
 * A frame is encoded once, as the bytes of a WebSocket text frame (a server's frames are not
 * masked, so every socket gets the very same bytes), and written as is to each subscriber.
 */
export interface Subscriber {
  /** One or more complete WebSocket frames (see wsTextFrame), shared by every subscriber. */
  send(frames: Buffer): void;
}

/** The bytes of an unmasked, unfragmented WebSocket text frame (RFC 6455 §5.2) carrying `json`. */
export function wsTextFrame(json: string): Buffer {
  const payload = Buffer.byteLength(json);
  const head = payload < 126 ? 2 : payload < 65_536 ? 4 : 10;
  const out = Buffer.allocUnsafe(head + payload);
  out[0] = 0x81; // FIN, opcode 1 (text)
  if (head === 2) out[1] = payload;
  else if (head === 4) {
    out[1] = 126;
    out.writeUInt16BE(payload, 2);
  } else {
    out[1] = 127;
    out.writeBigUInt64BE(BigInt(payload), 2);
  }
  out.write(json, head, 'utf8');
  return out;
}

export class Hub {
  private readonly topics = new Map<string, Set<Subscriber>>();

  subscribe(topic: string, sub: Subscriber): void {
    let set = this.topics.get(topic);
    if (!set) {
      set = new Set();
      this.topics.set(topic, set);
    }
    set.add(sub);
  }

  unsubscribe(topic: string, sub: Subscriber): void {
    const set = this.topics.get(topic);
    if (!set) return;
    set.delete(sub);
    if (set.size === 0) this.topics.delete(topic);
  }

  /** Encodes once and sends to every subscriber of the topic (but `except`). */
  publish(topic: string, frame: object, except?: Subscriber): void {
    const set = this.topics.get(topic);
    if (!set) return;
    this.publishFrames(topic, wsTextFrame(JSON.stringify(frame)), except);
  }

  /** Already-encoded frames (wsTextFrame, possibly several back to back) to every subscriber of the topic. */
  publishFrames(topic: string, frames: Buffer, except?: Subscriber): void {
    const set = this.topics.get(topic);
    if (!set) return;
    for (const sub of set) if (sub !== except) sub.send(frames);
  }

  /** Same as publishFrames, to the union of several topics, each subscriber at most once. */
  publishFramesMany(topics: readonly string[], frames: Buffer, except?: Subscriber): void {
    const seen = new Set<Subscriber>();
    for (const t of topics) {
      const set = this.topics.get(t);
      if (!set) continue;
      for (const sub of set) {
        if (sub === except || seen.has(sub)) continue;
        seen.add(sub);
        sub.send(frames);
      }
    }
  }

  /** Same as publish, to the union of several topics, each subscriber at most once. */
  publishMany(topics: string[], frame: object, except?: Subscriber): void {
    const seen = new Set<Subscriber>();
    let data: Buffer | null = null;
    for (const t of topics) {
      const set = this.topics.get(t);
      if (!set) continue;
      for (const sub of set) {
        if (sub === except || seen.has(sub)) continue;
        seen.add(sub);
        data ??= wsTextFrame(JSON.stringify(frame));
        sub.send(data);
      }
    }
  }

  /** The ids of the topics `<prefix><id>` that have a subscriber now (e.g. connected visitors). */
  idsWithPrefix(prefix: string): string[] {
    const out: string[] = [];
    for (const t of this.topics.keys()) if (t.startsWith(prefix)) out.push(t.slice(prefix.length));
    return out;
  }

  count(topic: string): number {
    return this.topics.get(topic)?.size ?? 0;
  }
}
