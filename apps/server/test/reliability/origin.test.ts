/**
 * Hostile origins at the WebSocket handshake. The visitor socket accepts exactly the site's
 * allowed origins (scheme, host and port, as browsers serialize them) and nothing that merely
 * looks like one: no visitor row is ever created for a refused origin. The agent socket accepts
 * only the console's own origin, even with a valid session cookie.
 */
import { describe, expect, it } from 'vitest';
import { rawHandshake, SITE, useServer } from '../harness.ts';

const ALLOWED = 'http://localhost:3001';

/** Variants of `origin` that are not it (or not something a browser would send for it). */
function lookalikes(origin: string): (string | undefined)[] {
  const u = new URL(origin);
  const host = u.hostname;
  const port = Number(u.port);
  return [
    `${origin}.evil.com`, // suffix
    `http://evil-${host}:${port}`, // prefix
    `http://evil${host}:${port}`,
    `${origin}@evil.com`, // userinfo: the host is evil.com
    `http://evil.com@${host}:${port}`, // userinfo: the host is ours, but this is no origin a browser sends
    `http://user:pass@${host}:${port}`,
    `https://${host}:${port}`, // other scheme
    `ws://${host}:${port}`,
    `http://${host}:${port + 1}`, // other port
    `http://${host}`, // default port
    `http://${host}:0${port}`, // leading zero
    origin.toUpperCase(), // case
    `http://${host[0]!.toUpperCase()}${host.slice(1)}:${port}`,
    `http://${host}.:${port}`, // trailing dot
    `${origin}/`, // trailing slash
    `${origin}/chat`, // path
    `${origin}#x`,
    `${origin}, http://evil.com`, // a list
    `${origin} http://evil.com`,
    'null', // sandboxed iframes, file: pages
    '',
    undefined, // no Origin header at all
    'http://2130706433:' + port, // 127.0.0.1 as one number
    'http://0x7f.0.0.1:' + port, // hex
    'http://127.1:' + port, // short form
    'http://[::1]:' + port, // IPv6 loopback
    'http://[::ffff:127.0.0.1]:' + port,
    `http://${host === 'localhost' ? '127.0.0.1' : 'localhost'}:${port}`, // same machine, another origin
    `http://xn--${host}-3ya:${port}`, // punycode lookalike
    `http://${host.replace(/o|1/, (c) => (c === 'o' ? '\u00f6' : '\u00b9'))}:${port}`, // latin-1 lookalike (ö, ¹)
    'http://evil.com',
    'file://',
  ].filter((o) => o !== origin); // (a case change of a name without letters is the origin itself)
}

describe('hostile origins at the handshake', () => {
  const ctx = useServer({ env: { SITE_ORIGINS: `${SITE}=${ALLOWED}` } });
  const visitors = () => (ctx.s.app.parla.db.sqlite.prepare('SELECT COUNT(*) AS n FROM visitors').get() as { n: number }).n;

  it('the visitor socket refuses every lookalike of the allowed origin, and creates no visitor', async () => {
    const hostile = lookalikes(ALLOWED);
    expect(hostile.length).toBeGreaterThanOrEqual(20);
    const accepted: string[] = [];
    for (const origin of hostile) {
      const r = await rawHandshake(`${ctx.s.wsUrl}/ws/visitor?site=${SITE}`, origin === undefined ? {} : { origin });
      if (r.status !== 403) accepted.push(`${JSON.stringify(origin)} -> ${r.status}`);
      if (r.ws) {
        // Had it been let in, a hello would make a visitor.
        r.ws.send(JSON.stringify({ type: 'hello', protocol: 3 }));
        await new Promise((res) => setTimeout(res, 50));
        r.ws.close();
      }
    }
    console.log(`origin test: ${hostile.length} hostile origins tried on the visitor socket, ${hostile.length - accepted.length} refused with 403, visitors created: ${visitors()}`);
    expect(accepted).toEqual([]);
    expect(visitors()).toBe(0);

    // The allowed origin itself opens, and its hello makes the one visitor.
    const ok = await rawHandshake(`${ctx.s.wsUrl}/ws/visitor?site=${SITE}`, { origin: ALLOWED });
    expect(ok.status).toBe(101);
    const welcome = new Promise((res) => ok.ws!.once('message', res));
    ok.ws!.send(JSON.stringify({ type: 'hello', protocol: 3 }));
    await welcome;
    ok.ws!.close();
    expect(visitors()).toBe(1);
  });

  it('the agent socket refuses every origin but the console’s own, even with a valid session', async () => {
    await ctx.s.addAgent('ada@shop.test', 'Ada');
    const cookie = await ctx.s.login('ada@shop.test');
    const hostile = [...lookalikes(ctx.s.url), ALLOWED, 'http://localhost:3000.evil.com'];
    const accepted: string[] = [];
    for (const origin of hostile) {
      const r = await rawHandshake(`${ctx.s.wsUrl}/ws/agent`, origin === undefined ? { cookie } : { origin, cookie });
      if (r.status !== 403) accepted.push(`${JSON.stringify(origin)} -> ${r.status}`);
      r.ws?.close();
    }
    console.log(`origin test: ${hostile.length} cross-site origins tried on the agent socket with a valid cookie, ${hostile.length - accepted.length} refused with 403`);
    expect(accepted).toEqual([]);
    // The console's own origin (this server's scheme and Host, or PUBLIC_URL) is let in.
    const own = await rawHandshake(`${ctx.s.wsUrl}/ws/agent`, { origin: ctx.s.url, cookie });
    expect(own.status).toBe(101);
    own.ws!.close();
  });
});
