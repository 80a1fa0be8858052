/**
 * In-process fan-out. Everything that reaches a socket after a commit goes through `publish`, so
 * running several server nodes later means replacing this one class (e.g. with Redis pub/sub).
 *
 * Topics, and the frames they carry (a frame that is not in the protocol does not compile):
 * - visitor sockets get `ServerToVisitor`: `visitor:<visitorId>` (a visitor's sockets),
 *   `site:<siteId>` (every visitor socket of a site: availability);
 * - console sockets get `ServerToAgent`: `conv:<conversationId>` (agent sockets following a
 *   conversation), `agents` (every agent socket: presence), `agent:<agentId>`, and the rows of one
 *   site's conversations and visitors on `agents:site:<siteId>` plus `agents:all-sites` (the agents
 *   who work on that site, and those who work on every site: realtime/agent-sites.ts).
 *
 * A frame is encoded once, by `ws`'s own frame encoder, as the bytes of a WebSocket text frame (a
 * server's frames are not masked, so every socket gets the very same bytes), and written as is to
 * each subscriber (gateway/connection.ts: with the slow-reader bound).
 */
/// <reference path="./ws-sender.d.ts" />
import type { ServerFrame, ServerToAgent, ServerToVisitor } from '@parla/protocol';
import { Sender } from 'ws';

export type VisitorTopic = `visitor:${string}` | `site:${string}`;
export type AgentTopic = 'agents' | `agent:${string}` | `conv:${string}` | `agents:site:${string}` | 'agents:all-sites';
export type Topic = VisitorTopic | AgentTopic;
/** The frames a topic carries. */
export type FrameOf<T extends Topic> = T extends VisitorTopic ? ServerToVisitor : ServerToAgent;
/** A frame both kinds of socket understand (a stream item, typing), for publishMany across kinds. */
export type SharedFrame = ServerToVisitor & ServerToAgent;

/**
 * One or more complete WebSocket text frames, back to back, ready for the wire; `F` (never read)
 * records which frames they are, so a visitor's frames cannot be published to agents.
 */
export interface Encoded<F extends ServerFrame> {
  readonly data: Buffer;
  /** Phantom: the frames' type. */
  readonly frame?: F;
}

export interface Subscriber {
  /** One or more complete WebSocket frames (see encodeFrame), shared by every subscriber. */
  send(frames: Buffer): void;
}

/** The bytes of an unmasked, unfragmented WebSocket text frame carrying `json` (ws's encoder). */
export function wsTextFrame(json: string): Buffer {
  const [head, payload] = Sender.frame(Buffer.from(json), { fin: true, opcode: 1, mask: false, readOnly: false, rsv1: false });
  return payload ? Buffer.concat([head!, payload], head!.length + payload.length) : head!;
}

/** A protocol frame, encoded once for any number of sockets. */
export function encodeFrame<F extends ServerFrame>(frame: F): Encoded<F> {
  return { data: wsTextFrame(JSON.stringify(frame)) };
}

/** Several encoded frames as one write (each socket then gets them in one system call). */
export function concatFrames<F extends ServerFrame>(frames: readonly Encoded<F>[]): Encoded<F> {
  return frames.length === 1 ? frames[0]! : { data: Buffer.concat(frames.map((f) => f.data)) };
}

/** What the sockets' send side holds and how often a slow reader was closed (read by /metrics). */
export interface SendStats {
  /** Bytes of frames queued behind full TCP send buffers, over all sockets (each socket's share counted). */
  queuedBytes: number;
  /** Sockets closed with CLOSE_TOO_SLOW since start, by kind. */
  tooSlow: { visitor: number; agent: number };
}

export class Hub {
  private readonly topics = new Map<string, Set<Subscriber>>();
  readonly sendStats: SendStats = { queuedBytes: 0, tooSlow: { visitor: 0, agent: 0 } };

  subscribe(topic: Topic, sub: Subscriber): void {
    let set = this.topics.get(topic);
    if (!set) {
      set = new Set();
      this.topics.set(topic, set);
    }
    set.add(sub);
  }

  unsubscribe(topic: Topic, sub: Subscriber): void {
    const set = this.topics.get(topic);
    if (!set) return;
    set.delete(sub);
    if (set.size === 0) this.topics.delete(topic);
  }

  /** Encodes once (only when someone listens) and sends to every subscriber of the topic (but `except`). */
  publish<T extends Topic>(topic: T, frame: FrameOf<T>, except?: Subscriber): void {
    if (!this.topics.has(topic)) return;
    this.publishEncoded(topic, encodeFrame(frame), except);
  }

  /** Already-encoded frames (possibly several back to back) to every subscriber of the topic. */
  publishEncoded<T extends Topic>(topic: T, frames: Encoded<FrameOf<T>>, except?: Subscriber): void {
    const set = this.topics.get(topic);
    if (!set) return;
    for (const sub of set) if (sub !== except) sub.send(frames.data);
  }

  /** Same as publish, to the union of several topics (of either kind), each subscriber at most once. */
  publishMany(topics: readonly Topic[], frame: SharedFrame, except?: Subscriber): void {
    this.toUnion(topics, () => encodeFrame(frame).data, except);
  }

  /** Same as publish, to the union of several agent topics, each subscriber at most once. */
  publishToAgents(topics: readonly AgentTopic[], frame: ServerToAgent, except?: Subscriber): void {
    this.toUnion(topics, () => encodeFrame(frame).data, except);
  }

  /** Already-encoded agent frames to the union of several agent topics, each subscriber at most once. */
  publishEncodedToAgents(topics: readonly AgentTopic[], frames: Encoded<ServerToAgent>, except?: Subscriber): void {
    this.toUnion(topics, () => frames.data, except);
  }

  /** Sends the bytes (encoded on first need) to every subscriber of any of the topics, once each. */
  private toUnion(topics: readonly Topic[], data: () => Buffer, except?: Subscriber): void {
    const seen = new Set<Subscriber>();
    let bytes: Buffer | null = null;
    for (const t of topics) {
      const set = this.topics.get(t);
      if (!set) continue;
      for (const sub of set) {
        if (sub === except || seen.has(sub)) continue;
        seen.add(sub);
        bytes ??= data();
        sub.send(bytes);
      }
    }
  }

  /** The ids of the topics `<prefix><id>` that have a subscriber now (e.g. connected visitors). */
  idsWithPrefix(prefix: string): string[] {
    const out: string[] = [];
    for (const t of this.topics.keys()) if (t.startsWith(prefix)) out.push(t.slice(prefix.length));
    return out;
  }

  count(topic: Topic): number {
    return this.topics.get(topic)?.size ?? 0;
  }
}
