/** The canned responses of a site: a list for everyone, create/edit/delete for admins. */
import type { CannedResponse, Department } from '@parla/protocol';
import { useEffect, useState } from 'preact/hooks';
import { api, ApiError, type CannedBody } from '../api.ts';
import { cannedChanged } from '../canned.ts';
import { lang } from '../i18n.ts';
import { te } from '../i18n-engage.ts';
import { apiErrorText } from '../labels.ts';
import './engage.css';

const blank = (): CannedBody => ({ shortcut: '', title: '', body: '', lang, departmentId: null });

interface Props {
  siteId: string;
  admin: boolean;
  departments: Department[] | null;
  onUnauthorized: () => void;
}

export function CannedManager({ siteId, admin, departments, onUnauthorized }: Props) {
  const [list, setList] = useState<CannedResponse[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** The form: a new response (id null) or the one being edited. */
  const [editing, setEditing] = useState<{ id: string | null; body: CannedBody } | null>(null);
  const [busy, setBusy] = useState(false);

  const fail = (e: unknown, text: (r: string) => string) => {
    if (e instanceof ApiError && e.status === 401) onUnauthorized();
    setError(text(apiErrorText(e)));
  };
  const reload = () =>
    api.canned(siteId).then(
      (l) => {
        setList(l);
        cannedChanged(siteId);
      },
      (e: unknown) => fail(e, te.canned.loadFailed),
    );
  useEffect(() => {
    void reload();
  }, [siteId]);

  const save = () => {
    if (!editing) return;
    setBusy(true);
    setError(null);
    const body = { ...editing.body, shortcut: editing.body.shortcut.trim().replace(/^\//, '').toLowerCase() };
    (editing.id ? api.updateCanned(editing.id, body) : api.createCanned(siteId, body))
      .then(
        () => {
          setEditing(null);
          return reload();
        },
        (e: unknown) => fail(e, te.canned.failed),
      )
      .finally(() => setBusy(false));
  };
  const remove = (r: CannedResponse) => {
    if (!window.confirm(te.canned.confirmRemove(r.shortcut))) return;
    api.deleteCanned(r.id).then(reload, (e: unknown) => fail(e, te.canned.failed));
  };
  const set = (patch: Partial<CannedBody>) => setEditing((f) => (f ? { ...f, body: { ...f.body, ...patch } } : f));
  const deptName = (id: string | null) => (id ? (departments?.find((d) => d.id === id)?.name ?? id) : te.canned.anyDepartment);

  return (
    <section class="card" aria-labelledby="set-canned" data-testid="canned-manager">
      <h2 id="set-canned">{te.canned.title}</h2>
      <p class="muted">{te.canned.hint}</p>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      {list?.length === 0 && <p class="muted">{te.canned.none}</p>}
      {list?.map((r) => (
        <div class="canned-row" key={r.id} data-testid="canned-row" data-shortcut={r.shortcut} data-lang={r.lang}>
          <strong>/{r.shortcut}</strong> <span class="canned-lang">{r.lang.toUpperCase()}</span> {r.title}{' '}
          <span class="muted">· {deptName(r.departmentId)}</span>
          <pre>{r.body}</pre>
          {admin && (
            <div class="form-actions">
              <button type="button" class="link" onClick={() => setEditing({ id: r.id, body: { shortcut: r.shortcut, title: r.title, body: r.body, lang: r.lang, departmentId: r.departmentId } })}>
                {te.canned.edit}
              </button>
              <button type="button" class="link" onClick={() => remove(r)}>
                {te.canned.remove}
              </button>
            </div>
          )}
        </div>
      ))}
      {admin &&
        (editing ? (
          <form
            class="canned-form"
            data-testid="canned-form"
            onSubmit={(e) => {
              e.preventDefault();
              save();
            }}
          >
            <div class="field-row">
              <div class="field">
                <label for="canned-shortcut">{te.canned.shortcut}</label>
                <input id="canned-shortcut" data-testid="canned-shortcut" required maxLength={33} value={editing.body.shortcut} onInput={(e) => set({ shortcut: e.currentTarget.value })} />
              </div>
              <div class="field">
                <label for="canned-lang">{te.canned.lang}</label>
                <select id="canned-lang" data-testid="canned-lang" value={editing.body.lang} onChange={(e) => set({ lang: e.currentTarget.value === 'it' ? 'it' : 'en' })}>
                  <option value="en">{te.canned.langName.en}</option>
                  <option value="it">{te.canned.langName.it}</option>
                </select>
              </div>
              <div class="field">
                <label for="canned-dept">{te.canned.department}</label>
                <select id="canned-dept" value={editing.body.departmentId ?? ''} onChange={(e) => set({ departmentId: e.currentTarget.value || null })}>
                  <option value="">{te.canned.anyDepartment}</option>
                  {departments?.map((d) => (
                    <option key={d.id} value={d.id}>
                      {d.name}
                    </option>
                  ))}
                </select>
              </div>
            </div>
            <div class="field">
              <label for="canned-title">{te.canned.titleField}</label>
              <input id="canned-title" data-testid="canned-title" required maxLength={120} value={editing.body.title} onInput={(e) => set({ title: e.currentTarget.value })} />
            </div>
            <div class="field">
              <label for="canned-body">{te.canned.body}</label>
              <textarea id="canned-body" data-testid="canned-body" required rows={4} maxLength={4000} value={editing.body.body} onInput={(e) => set({ body: e.currentTarget.value })} />
            </div>
            <div class="form-actions">
              <button type="submit" class="primary" data-testid="canned-save" disabled={busy}>
                {te.canned.save}
              </button>
              <button type="button" onClick={() => setEditing(null)}>
                {te.canned.cancel}
              </button>
            </div>
          </form>
        ) : (
          <button type="button" data-testid="canned-add" onClick={() => setEditing({ id: null, body: blank() })}>
            {te.canned.add}
          </button>
        ))}
    </section>
  );
}
