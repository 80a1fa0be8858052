/** A site's conversation tags: admins add, rename and delete them; agents see the list. */
import { useState } from 'preact/hooks';
import { ApiError } from '../api.ts';
import { errorText } from '../i18n.ts';
import { ti } from '../i18n-inbox.ts';
import { inboxApi, reloadTags, useTags } from '../tags.ts';
import './inbox.css';

export function TagManager({ siteId, admin }: { siteId: string; admin: boolean }) {
  const tags = [...useTags([siteId]).values()].filter((t) => t.siteId === siteId);
  const [name, setName] = useState('');
  const [editing, setEditing] = useState<{ id: string; name: string } | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const act = (p: Promise<unknown>, after?: () => void) => {
    setError(null);
    p.then(
      () => {
        after?.();
        return reloadTags(siteId);
      },
      (e: unknown) => setError(e instanceof ApiError ? errorText(e.code, e.message) : String(e)),
    );
  };

  return (
    <section class="card tag-admin" aria-labelledby="set-tags" data-testid="tag-manager">
      <h2 id="set-tags">{ti.manageTitle}</h2>
      <p class="muted">{ti.manageHelp}</p>
      <ul>
        {tags.map((t) => (
          <li key={t.id} data-testid="tag-row" data-tag-id={t.id}>
            {editing?.id === t.id ? (
              <form
                onSubmit={(e) => {
                  e.preventDefault();
                  act(inboxApi.renameTag(t.id, editing.name.trim()), () => setEditing(null));
                }}
              >
                <input aria-label={ti.renameLabel(t.name)} value={editing.name} maxLength={40} onInput={(e) => setEditing({ id: t.id, name: e.currentTarget.value })} />
                <button type="submit" class="primary" disabled={!editing.name.trim()}>
                  {ti.save}
                </button>
                <button type="button" onClick={() => setEditing(null)}>
                  {ti.cancel}
                </button>
              </form>
            ) : (
              <>
                <span class="tag-chip">{t.name}</span>
                {admin && confirming === t.id ? (
                  <span role="group" aria-label={ti.confirmDelete(t.name)}>
                    <span>{ti.confirmDelete(t.name)} </span>
                    <button type="button" class="danger" data-testid="tag-delete-confirm" onClick={() => act(inboxApi.deleteTag(t.id), () => setConfirming(null))}>
                      {ti.confirmYes}
                    </button>
                    <button type="button" onClick={() => setConfirming(null)}>
                      {ti.cancel}
                    </button>
                  </span>
                ) : (
                  admin && (
                    <>
                      <button type="button" class="link" aria-label={ti.renameLabel(t.name)} onClick={() => setEditing({ id: t.id, name: t.name })}>
                        {ti.rename}
                      </button>
                      <button type="button" class="link" aria-label={ti.deleteLabel(t.name)} data-testid="tag-delete" onClick={() => setConfirming(t.id)}>
                        {ti.delete}
                      </button>
                    </>
                  )
                )}
              </>
            )}
          </li>
        ))}
      </ul>
      {admin && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            act(inboxApi.createTag(siteId, name.trim()), () => setName(''));
          }}
        >
          <label>
            <span class="sr-only">{ti.newTag}</span>
            <input data-testid="tag-new" placeholder={ti.newTag} value={name} maxLength={40} onInput={(e) => setName(e.currentTarget.value)} />
          </label>
          <button type="submit" class="primary" data-testid="tag-create" disabled={!name.trim()}>
            {ti.create}
          </button>
        </form>
      )}
      {error && (
        <p class="msg-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
