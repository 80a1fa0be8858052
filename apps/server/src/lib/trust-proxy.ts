/**
 * TRUST_PROXY: which reverse proxies may tell the server who the client is (X-Forwarded-For,
 * X-Forwarded-Proto). Off by default: the TCP peer is the client.
 *
 * - `false` / `off` / `0`: trust nobody.
 * - a comma-separated list of addresses and networks, as proxy-addr (Fastify's trustProxy) reads
 *   them: `127.0.0.1`, `10.0.0.0/8`, `10.0.0.0/255.0.0.0`, `fd00::/8`, and its names `loopback`
 *   (127.0.0.1/8, ::1/128), `linklocal` (169.254.0.0/16, fe80::/10) and `uniquelocal` (10.0.0.0/8,
 *   172.16.0.0/12, 192.168.0.0/16, fc00::/7). Walking X-Forwarded-For from the right, every hop
 *   from one of these is skipped; the first other address is the client.
 * - a hop count `N`: the N nearest hops are proxies, whoever they are. Only for a server that
 *   nothing but the proxies can reach (a direct client could otherwise write the header itself).
 *
 * `true` (trust everyone) is refused: it makes the leftmost X-Forwarded-For entry, which any
 * client writes, the address every limit keys on.
 */
import { isIP, isIPv4 } from 'node:net';
import { z } from 'zod';

export type TrustProxy = false | { hops: number } | { addresses: string[] };

const NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** Why one entry of the list is not something proxy-addr accepts, or null when it is. */
function entryProblem(entry: string): string | null {
  if (NAMES.has(entry)) return null;
  const [addr = '', range, extra] = entry.split('/');
  if (addr.includes('%')) return `"${entry}": zone ids are not accepted`;
  if (extra !== undefined || !isIP(addr)) return `"${entry}" is not an IP address, a network (address/prefix) or one of loopback, linklocal, uniquelocal`;
  if (range === undefined) return null;
  const max = isIPv4(addr) ? 32 : 128;
  if (/^\d{1,3}$/.test(range)) return Number(range) >= 1 && Number(range) <= max ? null : `"${entry}": the prefix length is 1 to ${max}`;
  if (isIPv4(addr) && isIPv4(range)) {
    // A netmask: ones then zeros, at least one 1 (proxy-addr refuses /0: that would trust everyone).
    const bits = range
      .split('.')
      .map((o) => Number(o).toString(2).padStart(8, '0'))
      .join('');
    return /^1+0*$/.test(bits) ? null : `"${entry}": ${range} is not a netmask`;
  }
  return `"${entry}": after the slash, a prefix length${isIPv4(addr) ? ' or a netmask' : ''}`;
}

export const trustProxySchema = z.string().transform((raw, ctx): TrustProxy => {
  const s = raw.trim();
  if (s === 'false' || s === 'off' || s === '0') return false;
  if (s === 'true') {
    ctx.addIssue({
      code: 'custom',
      message: 'trusting every proxy lets any client choose its address; give the proxies\' addresses (e.g. 127.0.0.1 or 10.0.0.0/8) or their number of hops',
    });
    return z.NEVER;
  }
  if (/^\d+$/.test(s)) {
    const hops = Number(s);
    if (hops > 32) {
      ctx.addIssue({ code: 'custom', message: 'a hop count is 1 to 32' });
      return z.NEVER;
    }
    return { hops };
  }
  const entries = s.split(',').map((e) => e.trim());
  for (const e of entries) {
    const problem = e === '' ? 'an empty entry in the list (a stray comma?)' : entryProblem(e);
    if (problem) {
      ctx.addIssue({ code: 'custom', message: `${problem}; expected false, a hop count, or a comma-separated list of addresses, networks, loopback, linklocal, uniquelocal` });
      return z.NEVER;
    }
  }
  return { addresses: entries };
});

/**
 * Fastify's trustProxy option for a TRUST_PROXY value. A hop count is given as a function: since
 * 5.12.1 Fastify reads a number as "trust nothing" (it cannot check who the nearest hop is), which
 * would leave every shopper behind a load balancer with the balancer's address without a word.
 */
export function fastifyTrustProxy(t: TrustProxy): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (t === false) return false;
  if ('hops' in t) {
    const { hops } = t;
    return (_address: string, hop: number) => hop < hops;
  }
  return t.addresses;
}
