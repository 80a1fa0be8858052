/**
 * In-process fan-out. Everything that reaches a socket after a commit goes through `publish`, so
 * running several server nodes later means replacing this one class (e.g. with Redis pub/sub).
 *
 * Topics: `visitor:<visitorId>` (a visitor's sockets), `conv:<conversationId>` (agent sockets
 * following a conversation), `agents` (every agent socket: inbox and presence), `agent:<agentId>`.
 */
export interface Subscriber {
  /** A text frame's UTF-8 bytes, encoded once and shared by every subscriber it goes to. */
  send(data: Buffer): void;
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

  /** Serialises once and sends to every subscriber of the topic (but `except`). */
  publish(topic: string, frame: object, except?: Subscriber): void {
    const set = this.topics.get(topic);
    if (!set) return;
    const data = Buffer.from(JSON.stringify(frame));
    for (const sub of set) if (sub !== except) sub.send(data);
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
        data ??= Buffer.from(JSON.stringify(frame));
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
