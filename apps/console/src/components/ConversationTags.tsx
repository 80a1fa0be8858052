/** The conversation's tags: chips with a remove button and a picker of the site's other tags (agents). */
import type { ConversationSummary } from '@parla/protocol';
import { useState } from 'preact/hooks';
import { ti } from '../i18n-inbox.ts';
import { inboxApi, useTags } from '../tags.ts';
import './inbox.css';

export function ConversationTags({ c }: { c: ConversationSummary }) {
  const tags = useTags([c.siteId]);
  // The server's answer, until the inbox row (inbox.upsert) brings the same.
  const [mine, setMine] = useState<{ for: string; ids: string[] } | null>(null);
  const [error, setError] = useState(false);
  const ids = mine && mine.for === c.id ? mine.ids : (c.tags ?? []);
  const on = ids.flatMap((id) => tags.get(id) ?? []);
  const off = [...tags.values()].filter((t) => t.siteId === c.siteId && !ids.includes(t.id));

  const change = (tagId: string, add: boolean) => {
    setError(false);
    inboxApi.setTag(c.id, tagId, add).then(
      (r) => setMine({ for: c.id, ids: r.tags }),
      () => setError(true),
    );
  };

  return (
    <div class="tag-editor" data-testid="conversation-tags" aria-label={ti.tags} role="group">
      <span class="muted">{ti.tags}:</span>
      {on.map((t) => (
        <span key={t.id} class="tag-chip" data-testid="conversation-tag" data-tag-id={t.id}>
          {t.name}
          <button type="button" aria-label={ti.removeTag(t.name)} data-testid="conversation-tag-remove" onClick={() => change(t.id, false)}>
            ×
          </button>
        </span>
      ))}
      {off.length > 0 ? (
        <select
          aria-label={ti.addTag}
          data-testid="conversation-tag-add"
          value=""
          onChange={(e) => {
            const v = e.currentTarget.value;
            if (v) change(v, true);
            e.currentTarget.value = '';
          }}
        >
          <option value="">{ti.addTag}…</option>
          {off.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
      ) : (
        on.length === 0 && <span class="muted">{ti.noTags}</span>
      )}
      {error && (
        <span class="msg-error" role="alert">
          {ti.tagError}
        </span>
      )}
    </div>
  );
}
