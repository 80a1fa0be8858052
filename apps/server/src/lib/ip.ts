/**
 * Client addresses as keys of per-address limits, and whether a request comes from this machine.
 *
 * The address is the one Fastify derives (`req.ip`): the TCP peer, or, behind a proxy trusted by
 * TRUST_PROXY, the address that proxy saw. One IPv6 subscriber usually holds a whole /64 (and can
 * pick any address in it), so an IPv6 address is keyed by its /64; an IPv4-mapped IPv6 address
 * (`::ffff:192.0.2.1`, what a dual-stack socket reports for an IPv4 peer) is the IPv4 address.
 */
import { isIPv4, isIPv6 } from 'node:net';

/** The key of one client address for the per-address buckets (RATE_*_IP). */
export function ipKey(addr: string | undefined): string {
  if (!addr) return 'unknown';
  if (isIPv4(addr)) return addr;
  const groups = ipv6Groups(addr);
  if (!groups) return addr; // not an address (a proxy that sent garbage): its own key, as written
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    const [hi, lo] = [groups[6]!, groups[7]!];
    return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  }
  return `${groups
    .slice(0, 4)
    .map((g) => g.toString(16))
    .join(':')}::/64`;
}

/** The eight 16-bit groups of an IPv6 address (zone id dropped), or null when it is not one. */
export function ipv6Groups(addr: string): number[] | null {
  const a = addr.replace(/%.*$/, '').toLowerCase();
  if (!isIPv6(a)) return null;
  // A dotted IPv4 tail (::ffff:1.2.3.4, 64:ff9b::1.2.3.4) is two groups.
  const tail = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(a);
  const hex = tail
    ? `${a.slice(0, tail.index)}${((Number(tail[1]) << 8) | Number(tail[2])).toString(16)}:${((Number(tail[3]) << 8) | Number(tail[4])).toString(16)}`
    : a;
  const [head = '', rest] = hex.split('::');
  const parse = (s: string) => (s === '' ? [] : s.split(':').map((g) => parseInt(g, 16)));
  const h = parse(head);
  if (rest === undefined) return h.length === 8 ? h : null;
  const t = parse(rest);
  return [...h, ...Array<number>(8 - h.length - t.length).fill(0), ...t];
}

/** 127.0.0.0/8, ::1, and 127/8 mapped into IPv6. */
export function isLoopback(addr: string | undefined): boolean {
  if (!addr) return false;
  const a = addr.trim();
  if (isIPv4(a)) return a.startsWith('127.');
  const g = ipv6Groups(a);
  if (!g) return false;
  if (g.slice(0, 7).every((x) => x === 0) && g[7] === 1) return true;
  return g.slice(0, 5).every((x) => x === 0) && g[5] === 0xffff && g[6]! >> 8 === 127;
}

/**
 * True when a request was made on this machine: its TCP peer is loopback and no forwarding header
 * names any other address. A reverse proxy on this machine connects from loopback too, but it
 * says who its client was (X-Forwarded-For, X-Real-IP, Forwarded), so a shopper reaching the proxy
 * from the internet is not "this machine" whether TRUST_PROXY is set or not. A client that sends
 * such a header itself can only make its own request look less local.
 */
export function fromThisMachine(req: { socket: { remoteAddress?: string | undefined }; headers: Record<string, string | string[] | undefined> }): boolean {
  if (!isLoopback(req.socket.remoteAddress)) return false;
  if (req.headers.forwarded !== undefined) return false;
  const named = [req.headers['x-forwarded-for'], req.headers['x-real-ip']].flat().filter((v): v is string => v !== undefined);
  return named.flatMap((v) => v.split(',')).every((a) => isLoopback(a));
}
