import type { GroupCommit, Store, VisitorRow } from '@parla/db';
import type { PageInfo, VisitorAttributes, VisitorDetail } from '@parla/protocol';
import { parseAttributes } from '../routing/priority.ts';
import { nanoid } from 'nanoid';
import { hashToken, newToken } from '../../lib/crypto.ts';

/** A visitor seen again after this long starts a new visit. */
export const VISIT_GAP_MS = 30 * 60 * 1000;

export interface HelloResult {
  visitor: VisitorRow;
  /** Set only when a new token was issued: the widget must store it. */
  token?: string;
  visitId: string;
  returning: boolean;
  /**
   * A page view was recorded (the hello named a page other than the one the visit was last on).
   * False for a reconnect on the same page (a server restart, a network blip): agents already see it.
   */
  pageViewed: boolean;
}

/** A new visitor refused by the abuse limits (`admitNew` asked to wait): nothing was written. */
export class NewVisitorRefused extends Error {
  constructor(readonly retryAfterMs: number) {
    super('too many new visitors from this address');
  }
}

export class Visitors {
  constructor(
    private readonly store: Store,
    private readonly commit: GroupCommit,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Recognises the visitor by token (or creates one with a new token), counts the visit and
   * records the page. An unknown or foreign token is treated as a new visitor, never an error:
   * that reveals nothing about other visitors. `admitNew`, asked only when a new visitor would be
   * created, returns how long to wait (0: admitted); a wait rejects with NewVisitorRefused.
   *
   * A hello on the page the visit was last on (a reconnect: after a server restart every widget
   * comes back at once) records no page view; the visit and the visitor's last seen are touched.
   */
  hello(siteId: string, token: string | undefined, page: PageInfo | undefined, attributes?: VisitorAttributes, admitNew?: () => number): Promise<HelloResult> {
    return this.commit.run((): HelloResult => {
      const at = this.now();
      const existing = token ? this.store.visitorByToken(siteId, hashToken(token)) : undefined;
      let result: HelloResult;
      let samePage = false;
      if (existing) {
        const visit = this.store.latestVisit(existing.id);
        const newVisit = !visit || at - visit.lastSeenAt > VISIT_GAP_MS;
        let visitId: string;
        if (newVisit) {
          visitId = nanoid();
          this.store.insertVisit(visitId, existing.id, at);
        } else {
          visitId = visit.id;
          this.store.touchVisit(visitId, at);
          if (page) {
            const last = this.store.lastPageViewOfVisit(visitId);
            samePage = last !== undefined && last.url === page.url && last.title === page.title;
          }
        }
        this.store.touchVisitor(existing.id, at, newVisit);
        const visitor = this.store.visitorById(existing.id)!;
        result = { visitor, visitId, returning: visitor.visitCount > 1, pageViewed: false };
      } else {
        const wait = admitNew?.() ?? 0;
        if (wait > 0) throw new NewVisitorRefused(wait);
        const id = nanoid();
        const fresh = newToken();
        this.store.insertVisitor(id, siteId, hashToken(fresh), at);
        const visitId = nanoid();
        this.store.insertVisit(visitId, id, at);
        result = { visitor: this.store.visitorById(id)!, token: fresh, visitId, returning: false, pageViewed: false };
      }
      if (page && !samePage) {
        this.store.insertPageView(result.visitId, page.url, page.title, at);
        result.pageViewed = true;
      }
      if (attributes) this.merge(result.visitor.id, attributes);
      return result;
    });
  }

  /** Merges new attributes into the visitor's (30 at most, as the protocol allows per frame). */
  setAttributes(visitorId: string, attributes: VisitorAttributes): Promise<void> {
    return this.commit.run(() => this.merge(visitorId, attributes));
  }

  private merge(visitorId: string, attributes: VisitorAttributes): void {
    const v = this.store.visitorById(visitorId);
    if (!v) return;
    const merged = { ...parseAttributes(v.attributes), ...attributes };
    const keys = Object.keys(merged);
    if (keys.length > 30) for (const k of keys.slice(0, keys.length - 30)) delete merged[k];
    this.store.setVisitorAttributes(visitorId, JSON.stringify(merged));
  }

  /** A visitor's socket closed: last seen now (an unanswered conversation counts as missed once they stay away). */
  left(visitorId: string): Promise<void> {
    return this.commit.run(() => this.store.touchVisitor(visitorId, this.now(), false));
  }

  pageView(visitId: string, page: PageInfo): Promise<number> {
    return this.commit.run(() => {
      const at = this.now();
      this.store.insertPageView(visitId, page.url, page.title, at);
      this.store.touchVisit(visitId, at);
      return at;
    });
  }

  detail(visitorId: string): VisitorDetail | null {
    const v = this.store.visitorById(visitorId);
    if (!v) return null;
    const visit = this.store.latestVisit(visitorId);
    const pages = visit ? this.store.pageViewsOfVisit(visit.id) : [];
    const last = pages[pages.length - 1];
    return {
      id: v.id,
      name: v.name,
      email: v.email,
      attributes: parseAttributes(v.attributes),
      returning: v.visitCount > 1,
      visitCount: v.visitCount,
      firstSeenAt: v.firstSeenAt,
      lastSeenAt: v.lastSeenAt,
      currentPage: last ? { url: last.url, title: last.title } : null,
      pages,
      conversations: this.store.conversationsOf(visitorId).map((c) => ({
        id: c.id,
        state: c.state,
        createdAt: c.createdAt,
        resolvedAt: c.resolvedAt,
        lastMessage: c.lastMessage,
      })),
    };
  }
}
