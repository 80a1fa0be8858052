/**
 * The inbox's HTTP calls (search, tags, notes) and the sites' tag lists, loaded once per site
 * and shared by every component that shows tags (inbox rows, the conversation, the filters).
 */
import type { SearchResult, Tag } from '@parla/protocol/inbox';
import { useEffect, useState } from 'preact/hooks';
import { request } from './api.ts';

export interface SearchParams {
  q?: string;
  state?: string;
  departmentId?: string;
  agentId?: string;
  channel?: string;
  tag?: string;
  cursor?: string;
}

export const inboxApi = {
  search: (p: SearchParams) => {
    const qs = new URLSearchParams(Object.entries(p).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== ''));
    return request<SearchResult>('GET', `/api/conversations/search?${qs}`);
  },
  addNote: (conversationId: string, body: string) => request<{ seq: number }>('POST', `/api/conversations/${encodeURIComponent(conversationId)}/notes`, { body }),
  setTag: (conversationId: string, tagId: string, on: boolean) =>
    request<{ tags: string[] }>(on ? 'PUT' : 'DELETE', `/api/conversations/${encodeURIComponent(conversationId)}/tags/${encodeURIComponent(tagId)}`),
  tags: (siteId: string) => request<Tag[]>('GET', `/api/sites/${encodeURIComponent(siteId)}/tags`),
  createTag: (siteId: string, name: string) => request<Tag>('POST', `/api/sites/${encodeURIComponent(siteId)}/tags`, { name }),
  renameTag: (id: string, name: string) => request<Tag>('PATCH', `/api/tags/${encodeURIComponent(id)}`, { name }),
  deleteTag: (id: string) => request<void>('DELETE', `/api/tags/${encodeURIComponent(id)}`),
};

/** Every loaded site's tags; listeners are told when a list changes. */
const lists = new Map<string, Tag[]>();
const loading = new Set<string>();
const listeners = new Set<() => void>();
const changed = () => {
  for (const l of listeners) l();
};

/** (Re)loads a site's tag list (after an admin changed it, or the first time it is needed). */
export function reloadTags(siteId: string): Promise<void> {
  loading.add(siteId);
  return inboxApi.tags(siteId).then(
    (list) => {
      lists.set(siteId, list);
      loading.delete(siteId);
      changed();
    },
    () => {
      loading.delete(siteId);
    },
  );
}

/** The tags of these sites (loaded on first use), by id; re-renders when a list changes. */
export function useTags(siteIds: readonly string[]): Map<string, Tag> {
  const [, tick] = useState(0);
  const key = [...new Set(siteIds)].sort().join(',');
  useEffect(() => {
    const l = () => tick((n) => n + 1);
    listeners.add(l);
    for (const id of key ? key.split(',') : []) if (!lists.has(id) && !loading.has(id)) void reloadTags(id);
    return () => {
      listeners.delete(l);
    };
  }, [key]);
  const out = new Map<string, Tag>();
  for (const id of key ? key.split(',') : []) for (const t of lists.get(id) ?? []) out.set(t.id, t);
  return out;
}
