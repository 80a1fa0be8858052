import { describe, expect, it } from 'vitest';
import { newClientId } from '@parla/client';
import { startServer, visitor } from './harness.ts';

/** The value of one sample line of the Prometheus text format. */
function sample(text: string, name: string, labels = ''): number {
  const line = text.split('\n').find((l) => l.startsWith(`${name}${labels} `) || (labels === '' && l.startsWith(`${name} `)));
  if (!line) throw new Error(`no sample ${name}${labels} in:\n${text.slice(0, 2000)}`);
  return Number(line.split(' ').at(-1));
}

describe('Prometheus /metrics', () => {
  it('reports connections, committed messages, the queue and event-loop lag to loopback clients', async () => {
    const s = await startServer();
    try {
      const v = visitor(s);
      await v.frame('welcome');
      const clientId = newClientId();
      v.session.sendReliable({ type: 'message.send', clientId, body: 'hello' });
      await v.frame('ack');
      const res = await fetch(`${s.url}/metrics`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
      const text = await res.text();
      expect(sample(text, 'parla_websocket_connections', '{kind="visitor"}')).toBe(1);
      expect(sample(text, 'parla_websocket_connections', '{kind="agent"}')).toBe(0);
      expect(sample(text, 'parla_messages_total', '{author="visitor"}')).toBe(1);
      expect(sample(text, 'parla_queue_length')).toBe(1);
      expect(sample(text, 'parla_open_conversations')).toBe(1);
      expect(text).toMatch(/^parla_nodejs_eventloop_lag_p99_seconds \d/m);
      v.close();
      let open = 1;
      for (let i = 0; i < 50 && open !== 0; i++) {
        await new Promise((r) => setTimeout(r, 20));
        open = sample(await (await fetch(`${s.url}/metrics`)).text(), 'parla_websocket_connections', '{kind="visitor"}');
      }
      expect(open).toBe(0);
    } finally {
      await s.close();
    }
  });

  it('wants the bearer token when METRICS_TOKEN is set', async () => {
    const s = await startServer({ env: { METRICS_TOKEN: 'scrape-me-0123456789' } });
    try {
      expect((await fetch(`${s.url}/metrics`)).status).toBe(401);
      expect((await fetch(`${s.url}/metrics`, { headers: { authorization: 'Bearer wrong-token-0123456' } })).status).toBe(401);
      const ok = await fetch(`${s.url}/metrics`, { headers: { authorization: 'Bearer scrape-me-0123456789' } });
      expect(ok.status).toBe(200);
      expect(await ok.text()).toContain('parla_agents{presence="online"} 0');
    } finally {
      await s.close();
    }
  });
});
