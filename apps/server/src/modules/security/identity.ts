/**
 * Identity verification. A shop whose shoppers log in calls `Parla.identify({ userId, email,
 * name, hash })` with `hash` = hex HMAC-SHA256(userId, site secret), computed on the shop's
 * server. Only a valid hash (compared in constant time) links the visitor to that user id, which
 * merges their history across devices: the first verified visitor of a user id owns it; a
 * verified identify on another device moves that device's visitor (if anonymous) into it.
 * A claim without a valid hash is refused with identity_invalid when the site requires verified
 * identities; otherwise only its name and email are kept, as the visitor's unverified contact.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { GroupCommit, SiteRow, Store, VisitorData } from '@parla/db';
import type { Identity } from '@parla/protocol';
import { nanoid } from 'nanoid';
import { hashToken, newToken } from '../../lib/crypto.ts';
import { ServiceError } from '../conversations/errors.ts';
import type { Sites } from '../sites/service.ts';

/** hex HMAC-SHA256(userId, secret): what the shop's server computes. */
export function identityHash(userId: string, secret: string): string {
  return createHmac('sha256', secret).update(userId, 'utf8').digest('hex');
}

/** Constant-time check of a claimed hash (any malformed value is simply false). */
export function verifyIdentityHash(userId: string, hash: string | undefined, secret: string): boolean {
  if (typeof hash !== 'string' || !/^[0-9a-fA-F]{64}$/.test(hash)) return false;
  const expected = createHmac('sha256', secret).update(userId, 'utf8').digest();
  const given = Buffer.from(hash, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export interface IdentifyResult {
  /** The visitor this connection is from now on. */
  visitorId: string;
  verified: boolean;
  /** A new token this device must keep (it switched to another user's visitor). */
  token?: string;
  /** The visit this connection's page views go to, when it changed. */
  visitId?: string;
}

export class Identities {
  /** A verified identify carried an email: the shop vouches for it (the mail module marks it confirmed for transcripts). Inside the write. */
  emailVerified: ((visitorId: string, email: string) => void) | null = null;

  constructor(
    private readonly store: Store,
    private readonly data: VisitorData,
    private readonly commit: GroupCommit,
    private readonly sites: Sites,
    private readonly now: () => number = Date.now,
  ) {}

  /** True when the site refuses unverified identity claims. */
  required(siteId: string): boolean {
    return this.sites.settings(siteId)?.requireVerifiedIdentity === true;
  }

  identify(siteId: string, visitorId: string, identity: Identity): Promise<IdentifyResult> {
    return this.commit.run((): IdentifyResult => {
      const site: SiteRow | undefined = this.store.getSite(siteId);
      const me = this.store.visitorById(visitorId);
      if (!site || !me || me.siteId !== siteId) throw new ServiceError('not_found', 'no such visitor');
      const contact = (id: string, verified = true) => {
        if (identity.name || identity.email) this.store.setVisitorContact(id, identity.name ?? null, identity.email ?? null);
        if (verified && identity.email) this.emailVerified?.(id, identity.email);
      };
      if (!verifyIdentityHash(identity.userId, identity.hash, site.secret)) {
        if (this.required(siteId)) {
          throw new ServiceError('identity_invalid', 'identify refused: hash must be the hex HMAC-SHA256 of userId with this site\'s secret');
        }
        contact(me.id, false); // kept as what the visitor says, linked to nothing
        return { visitorId: me.id, verified: false };
      }
      const at = this.now();
      if (me.userId === identity.userId) {
        contact(me.id);
        return { visitorId: me.id, verified: true };
      }
      const owner = this.data.visitorOfUser(siteId, identity.userId);
      if (!owner) {
        if (me.userId === null) {
          this.data.setUser(me.id, identity.userId);
          contact(me.id);
          return { visitorId: me.id, verified: true };
        }
        // This device was another user's: it becomes a new visitor for this one.
        const id = nanoid();
        const token = newToken();
        const visitId = nanoid();
        this.store.insertVisitor(id, siteId, hashToken(token), at);
        this.store.insertVisit(visitId, id, at);
        this.data.setUser(id, identity.userId);
        contact(id);
        return { visitorId: id, verified: true, token, visitId };
      }
      if (me.userId === null) {
        // An anonymous visitor on another device of a known user: their history joins the user's.
        this.data.merge(me.id, owner, at);
        contact(owner);
        return { visitorId: owner, verified: true };
      }
      const token = newToken();
      this.data.addToken(hashToken(token), owner, at);
      const visitId = nanoid();
      this.store.insertVisit(visitId, owner, at);
      contact(owner);
      return { visitorId: owner, verified: true, token, visitId };
    });
  }
}
