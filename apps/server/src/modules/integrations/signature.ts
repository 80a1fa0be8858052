/**
 * X-Parla-Signature: `t=<unix ms>,v1=<hex HMAC-SHA256 of "<t>.<body>" with the endpoint's secret>`.
 * The timestamp is inside the signed text, so a receiver that refuses old timestamps (five minutes,
 * say) refuses a replayed request; the delivery id (X-Parla-Delivery) dedupes a retry.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-parla-signature';

export function sign(secret: string, body: string, t: number): string {
  return `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')}`;
}

/** The receiver's check (the README's recipe): the right secret, and a timestamp within `toleranceMs` of now. */
export function verify(secret: string, body: string, header: string | undefined, now: number, toleranceMs = 5 * 60_000): boolean {
  const m = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header ?? '');
  if (!m) return false;
  const t = Number(m[1]);
  if (Math.abs(now - t) > toleranceMs) return false;
  const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest();
  return timingSafeEqual(expected, Buffer.from(m[2]!, 'hex'));
}
