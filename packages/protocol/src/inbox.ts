/**
 * The agents' inbox over HTTP: search and filters, conversation tags, internal notes.
 * (HTTP bodies only; the wire change of protocol 6 is in index.ts: EventKind note, summary tags.)
 */
import { z } from 'zod';
import { ConversationState, ConversationSummary, Id, SiteId } from './index.ts';

/** A query is at most this long (characters). */
export const SEARCH_MAX_QUERY = 200;
/** Results per page: default and most. */
export const SEARCH_PAGE_SIZE = 25;
export const SEARCH_MAX_PAGE_SIZE = 100;

/** GET /api/conversations/search: every filter optional; no q and no filter lists the newest activity first. */
export const SearchQuery = z.object({
  q: z.string().max(SEARCH_MAX_QUERY, `a search is at most ${SEARCH_MAX_QUERY} characters`).optional(),
  siteId: SiteId.optional(),
  state: ConversationState.optional(),
  departmentId: Id.optional(),
  agentId: Id.optional(),
  channel: z.string().regex(/^[a-z][a-z0-9_-]{0,31}$/, 'channel is a lower-case name such as web').optional(),
  tag: Id.optional(),
  /** The previous page's nextCursor. */
  cursor: z.string().regex(/^\d{1,16}:\d{1,16}$/, 'cursor is the nextCursor of a previous page').optional(),
  limit: z.coerce.number().int().min(1).max(SEARCH_MAX_PAGE_SIZE).default(SEARCH_PAGE_SIZE),
});
export type SearchQuery = z.infer<typeof SearchQuery>;

export const SearchResult = z.object({
  conversations: z.array(ConversationSummary),
  /** Pass as cursor for the next page; null: this was the last. */
  nextCursor: z.string().nullable(),
});
export type SearchResult = z.infer<typeof SearchResult>;

export const TagName = z
  .string()
  .trim()
  .min(1, 'a tag needs a name')
  .max(40, 'a tag name is at most 40 characters')
  .refine((s) => !/[\u0000-\u001f,]/.test(s), 'a tag name has no commas or control characters');

export const Tag = z.object({ id: Id, siteId: SiteId, name: z.string() });
export type Tag = z.infer<typeof Tag>;

/** A site has at most this many tags. */
export const MAX_TAGS_PER_SITE = 100;

export const TagCreate = z.object({ name: TagName });
export const TagRename = z.object({ name: TagName });

/** POST /api/conversations/:id/notes: an internal note (agents only). */
export const NoteCreate = z.object({ body: z.string().trim().min(1, 'the note is empty').max(4000, 'a note is at most 4000 characters') });
export type NoteCreate = z.infer<typeof NoteCreate>;
