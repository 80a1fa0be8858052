/**
 * The inbox an agent can read: search and filters over every conversation (FTS5, db/inbox-search.ts),
 * the site's conversation tags (admins keep the list, agents tag), internal notes (through the
 * conversations service: a note is an event of the stream).
 */
import { ftsTerms, type GroupCommit, type InboxQueries, type Store, type TagRow } from '@parla/db';
import type { SearchQuery, SearchResult, Tag } from '@parla/protocol/inbox';
import { MAX_TAGS_PER_SITE } from '@parla/protocol/inbox';
import { nanoid } from 'nanoid';
import { ServiceError } from '../conversations/errors.ts';
import type { Conversations } from '../conversations/service.ts';

const tagView = (t: TagRow): Tag => ({ id: t.id, siteId: t.siteId, name: t.name });

export class Inbox {
  constructor(
    private readonly q: InboxQueries,
    private readonly store: Store,
    private readonly commit: GroupCommit,
    private readonly conversations: Conversations,
    private readonly now: () => number = Date.now,
  ) {}

  search(query: SearchQuery): SearchResult {
    const terms = query.q ? ftsTerms(query.q) : [];
    // Words with no letter or digit in them ("*", '""') find nothing rather than everything.
    if (query.q?.trim() && !terms.length) return { conversations: [], nextCursor: null };
    const [activity, serial] = query.cursor ? query.cursor.split(':').map(Number) : [];
    const rows = this.q.search({
      terms,
      siteId: query.siteId ?? null,
      state: query.state ?? null,
      departmentId: query.departmentId ?? null,
      agentId: query.agentId ?? null,
      channel: query.channel ?? null,
      tagId: query.tag ?? null,
      after: activity !== undefined && serial !== undefined ? { activity, serial } : null,
      limit: query.limit + 1,
    });
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    return {
      conversations: page.map((r) => this.conversations.toSummary(r)),
      nextCursor: rows.length > query.limit && last ? `${last.activity}:${last.serial}` : null,
    };
  }

  // ---- tags ----------------------------------------------------------------------------------

  tags(siteId: string): Tag[] {
    if (!this.store.getSite(siteId)) throw new ServiceError('not_found', 'no such site');
    return this.q.tagsOf(siteId).map(tagView);
  }

  async createTag(siteId: string, name: string): Promise<Tag> {
    return this.commit.run(() => {
      if (!this.store.getSite(siteId)) throw new ServiceError('not_found', 'no such site');
      if (this.q.tagNamed(siteId, name)) throw new ServiceError('conflict', `the tag "${name}" exists already`);
      if (this.q.countTags(siteId) >= MAX_TAGS_PER_SITE) throw new ServiceError('conflict', `a site has at most ${MAX_TAGS_PER_SITE} tags`);
      const row: TagRow = { id: nanoid(12), siteId, name, createdAt: this.now() };
      this.q.insertTag(row);
      return tagView(row);
    });
  }

  async renameTag(id: string, name: string): Promise<Tag> {
    return this.commit.run(() => {
      const tag = this.q.tag(id);
      if (!tag) throw new ServiceError('not_found', 'no such tag');
      const other = this.q.tagNamed(tag.siteId, name);
      if (other && other.id !== id) throw new ServiceError('conflict', `the tag "${name}" exists already`);
      this.q.renameTag(id, name);
      return tagView({ ...tag, name });
    });
  }

  async deleteTag(id: string): Promise<void> {
    const carried = await this.commit.run(() => {
      if (!this.q.tag(id)) throw new ServiceError('not_found', 'no such tag');
      return this.q.deleteTag(id);
    });
    this.conversations.rowsChanged(carried);
  }

  /** Adds (on) or removes a tag of the conversation's site; the agents' rows follow at once. */
  async setConversationTag(conversationId: string, tagId: string, on: boolean): Promise<string[]> {
    const tags = await this.commit.run(() => {
      const conv = this.store.conversation(conversationId);
      if (!conv) throw new ServiceError('not_found', 'no such conversation');
      const tag = this.q.tag(tagId);
      if (!tag || tag.siteId !== conv.siteId) throw new ServiceError('not_found', 'no such tag on this site');
      if (on) this.q.addConversationTag(conversationId, tagId, this.now());
      else this.q.removeConversationTag(conversationId, tagId);
      return this.q.conversationTags(conversationId);
    });
    this.conversations.rowsChanged([conversationId]);
    return tags;
  }
}
