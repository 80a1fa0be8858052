/**
 * Where a webhook may go. Unless WEBHOOK_ALLOW_PRIVATE is set, an endpoint may not point at this
 * machine or a private network (a console admin could otherwise make the server call internal
 * services): refused when the endpoint is saved (an IP literal, localhost) and again before every
 * attempt, on every address the host name resolves to (so a public name that resolves to a private
 * address is refused too). Redirects are never followed.
 */
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

const blocked = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  blocked.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  blocked.addSubnet(net, bits, 'ipv6');

/** Loopback, private, link-local, shared, multicast or unspecified (IPv4-mapped IPv6 included). */
export function isPrivateAddress(ip: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return blocked.check(mapped[1]!, 'ipv4');
  const v = isIP(ip);
  if (v === 4) return blocked.check(ip, 'ipv4');
  if (v === 6) return blocked.check(ip, 'ipv6');
  return true;
}

const hostOf = (url: string) => new URL(url).hostname.replace(/^\[|\]$/g, '').replace(/\.+$/, '').toLowerCase();

/** At save time: null when fine, else why not. */
export function urlProblem(url: string, allowPrivate: boolean): string | null {
  if (allowPrivate) return null;
  const host = hostOf(url);
  if (host === 'localhost' || host.endsWith('.localhost') || (isIP(host) && isPrivateAddress(host))) {
    return 'webhooks may not target this machine or a private network (WEBHOOK_ALLOW_PRIVATE)';
  }
  return null;
}

/** Before an attempt: null when every address of the host is public (or private ones are allowed), else why not. */
export type Resolve = (host: string) => Promise<string[]>;
const dnsResolve: Resolve = async (host) => (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);

export async function targetProblem(url: string, allowPrivate: boolean, resolve: Resolve = dnsResolve): Promise<string | null> {
  if (allowPrivate) return null;
  const early = urlProblem(url, false);
  if (early) return early;
  const host = hostOf(url);
  let addrs: string[];
  try {
    addrs = isIP(host) ? [host] : await resolve(host);
  } catch (e) {
    return `cannot resolve ${host}: ${(e as { code?: string }).code ?? 'error'}`;
  }
  const bad = addrs.find(isPrivateAddress);
  return bad ? `${host} resolves to a private address (${bad}); refused (WEBHOOK_ALLOW_PRIVATE)` : null;
}
