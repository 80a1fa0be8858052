import type { ErrorCode } from '@parla/protocol';

/** A refusal the client can act on; becomes an error frame or a 4xx with this code. */
export class ServiceError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** With rate_limited: when the client may try again. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}
