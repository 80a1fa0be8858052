import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AgentToServer, MetricsSummaryQuery, PROTOCOL_VERSION, ServerToAgent, ServerToVisitor, VisitorToServer } from '../src/index.ts';

describe('visitor frames', () => {
  it('accepts the frames the widget sends', () => {
    expect(VisitorToServer.parse({ type: 'hello', protocol: 1, page: { url: 'https://x.it/', title: 'X' }, lang: 'it' }).type).toBe('hello');
    expect(VisitorToServer.parse({ type: 'message.send', clientId: 'V1StGXR8_Z5jdHi6B-myT', body: 'ciao' }).type).toBe('message.send');
    expect(VisitorToServer.parse({ type: 'sync', conversationId: 'abc', afterSeq: 3 }).type).toBe('sync');
  });
  it('refuses unknown types, bad ids, empty and oversized bodies, negative seqs', () => {
    expect(VisitorToServer.safeParse({ type: 'conversation.resolve', conversationId: 'x' }).success).toBe(false);
    expect(VisitorToServer.safeParse({ type: 'message.send', clientId: 'a b', body: 'x' }).success).toBe(false);
    expect(VisitorToServer.safeParse({ type: 'message.send', clientId: 'abcdefgh', body: ' \n ' }).success).toBe(false);
    expect(VisitorToServer.safeParse({ type: 'message.send', clientId: 'abcdefgh', body: 'x'.repeat(4001) }).success).toBe(false);
    expect(VisitorToServer.safeParse({ type: 'sync', conversationId: 'abc', afterSeq: -1 }).success).toBe(false);
    expect(VisitorToServer.safeParse({ type: 'hello', protocol: 1, visitorToken: 'short' }).success).toBe(false);
  });
  it('a visitor cannot send agent-only frames', () => {
    for (const type of ['presence.set', 'conversation.take', 'conversation.resolve']) {
      expect(VisitorToServer.safeParse({ type, conversationId: 'x', presence: 'online' }).success).toBe(false);
    }
  });
});

describe('agent frames', () => {
  it('message.send needs a conversation', () => {
    expect(AgentToServer.safeParse({ type: 'message.send', clientId: 'abcdefgh', body: 'x' }).success).toBe(false);
    expect(AgentToServer.safeParse({ type: 'message.send', clientId: 'abcdefgh', body: 'x', conversationId: 'c' }).success).toBe(true);
  });
  it('presence is online or away (offline is a consequence of leaving)', () => {
    expect(AgentToServer.safeParse({ type: 'presence.set', presence: 'offline' }).success).toBe(false);
  });
});

describe('HTTP queries', () => {
  it('metrics periods accept epoch ms and ISO dates, and refuse from > to', () => {
    expect(MetricsSummaryQuery.parse({ from: '1000', to: '2000-01-01' })).toEqual({ from: 1000, to: Date.parse('2000-01-01') });
    expect(MetricsSummaryQuery.safeParse({ from: 'soon' }).success).toBe(false);
    expect(MetricsSummaryQuery.safeParse({ from: '2000', to: '1000' }).success).toBe(false);
  });
});

describe('wire contract', () => {
  it('is versioned: a change to any union needs a PROTOCOL_VERSION bump and a new snapshot', () => {
    const schema = {
      version: PROTOCOL_VERSION,
      visitorToServer: z.toJSONSchema(VisitorToServer, { io: 'input' }),
      agentToServer: z.toJSONSchema(AgentToServer, { io: 'input' }),
      serverToVisitor: z.toJSONSchema(ServerToVisitor, { io: 'output' }),
      serverToAgent: z.toJSONSchema(ServerToAgent, { io: 'output' }),
    };
    expect(schema).toMatchSnapshot();
  });
});
