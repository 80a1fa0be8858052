import { createHash, randomBytes } from 'node:crypto';

/** A 256-bit random token, URL-safe. Used for visitor tokens and agent session tokens. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Tokens are stored only as their SHA-256 (they are high-entropy, so no salt or slow hash is needed). */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

// Passwords (scrypt) are hashed on worker threads of their own: see passwords.ts.
