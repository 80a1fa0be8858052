/** Canned responses: per site, a shortcut per language; admins write them, agents read them. */
import type { CannedQueries, CannedRow, GroupCommit, Store } from '@parla/db';
import type { CannedInput, CannedResponse } from '@parla/protocol';
import { nanoid } from 'nanoid';
import { ServiceError } from '../conversations/errors.ts';

const view = (r: CannedRow): CannedResponse => ({
  id: r.id,
  siteId: r.siteId,
  shortcut: r.shortcut,
  title: r.title,
  body: r.body,
  lang: r.lang,
  departmentId: r.departmentId,
  updatedAt: r.updatedAt,
});

export class Canned {
  constructor(
    private readonly q: CannedQueries,
    private readonly store: Store,
    private readonly commit: GroupCommit,
    private readonly now: () => number = Date.now,
  ) {}

  list(siteId: string): CannedResponse[] {
    return this.q.ofSite(siteId).map(view);
  }

  async create(siteId: string, input: CannedInput): Promise<CannedResponse> {
    const id = nanoid();
    await this.commit.run(() => {
      if (!this.store.getSite(siteId)) throw new ServiceError('not_found', 'no such site');
      this.check(siteId, input, null);
      const at = this.now();
      this.q.insert({ id, siteId, ...input, createdAt: at, updatedAt: at });
    });
    return view(this.q.byId(id)!);
  }

  async update(id: string, patch: Partial<CannedInput>): Promise<CannedResponse> {
    await this.commit.run(() => {
      const r = this.q.byId(id);
      if (!r) throw new ServiceError('not_found', 'no such canned response');
      const next = { shortcut: r.shortcut, title: r.title, body: r.body, lang: r.lang, departmentId: r.departmentId, ...patch };
      this.check(r.siteId, next, id);
      this.q.update({ id, ...next, updatedAt: this.now() });
    });
    return view(this.q.byId(id)!);
  }

  async remove(id: string): Promise<void> {
    const ok = await this.commit.run(() => this.q.remove(id));
    if (!ok) throw new ServiceError('not_found', 'no such canned response');
  }

  /** A shortcut is unique per site and language; a department must be the site's. */
  private check(siteId: string, r: Pick<CannedInput, 'shortcut' | 'lang' | 'departmentId'>, self: string | null): void {
    const taken = this.q.bySlot(siteId, r.shortcut, r.lang);
    if (taken && taken.id !== self) throw new ServiceError('conflict', `/${r.shortcut} already exists in ${r.lang}`);
    if (r.departmentId && this.store.department(r.departmentId)?.siteId !== siteId) throw new ServiceError('not_found', 'no such department');
  }
}
