/**
 * The sites of the install (admins): add one (name and allowed origins), and per site its embed
 * snippet and CSP directives to copy, rename, allowed origins (those of SITE_ORIGINS shown
 * read-only), and delete (typing the id to confirm). Every change reloads the directory, so the
 * other views see it at once.
 */
import type { SiteDetail } from '@parla/protocol/admin';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { MAX_ORIGINS, originsText, parseOrigins, type OriginLineError } from '../admin.ts';
import { api, ApiError, type Site } from '../api.ts';
import { formatDate } from '../dates.ts';
import { adminErrorText, ta } from '../i18n-admin.ts';
import { t } from '../i18n.ts';
import { CopyField } from './CopyField.tsx';
import './admin.css';

interface Props {
  sites: Site[] | null;
  directoryError: string | null;
  /** Sites were added, renamed or deleted: the directory reloads. */
  onChanged: () => void;
  onUnauthorized: () => void;
}

function errorOf(e: unknown, onUnauthorized: () => void): string {
  if (e instanceof ApiError && e.status === 401) onUnauthorized();
  return adminErrorText(e);
}

export function Sites(p: Props) {
  // Created or deleted here: shown at once, before the directory has reloaded.
  const [created, setCreated] = useState<SiteDetail[]>([]);
  const [gone, setGone] = useState<string[]>([]);
  const [adding, setAdding] = useState(false);
  const [fresh, setFresh] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const list = useMemo(() => {
    if (!p.sites) return null;
    const known = new Set(p.sites.map((s) => s.id));
    return [...p.sites, ...created.filter((c) => !known.has(c.id)).map((c) => ({ id: c.id, name: c.name }))].filter((s) => !gone.includes(s.id));
  }, [p.sites, created, gone]);
  const empty = list !== null && list.length === 0;

  return (
    <main class="page-view sites-view" aria-labelledby="sites-title" data-testid="sites-view">
      <div class="view-head">
        <h1 id="sites-title">{ta.sites.title}</h1>
        {!adding && !empty && (
          <button type="button" class="primary" data-testid="site-add" onClick={() => setAdding(true)}>
            {ta.sites.add}
          </button>
        )}
      </div>
      <p class="hint">{ta.sites.intro}</p>
      {notice && (
        <p class="field-ok" role="status" data-testid="sites-notice">
          {notice}
        </p>
      )}
      {!list ? (
        p.directoryError ? (
          <p class="form-error" role="alert">
            {p.directoryError}
          </p>
        ) : (
          <p class="muted">{t.loading}</p>
        )
      ) : (
        <>
          {empty && (
            <p class="onboarding" data-testid="sites-empty">
              {ta.sites.empty}
            </p>
          )}
          {(adding || empty) && (
            <AddSite
              canCancel={!empty}
              onCancel={() => setAdding(false)}
              onCreated={(d) => {
                setCreated((c) => [...c, d]);
                setGone((g) => g.filter((id) => id !== d.id));
                setAdding(false);
                setNotice(null);
                setFresh(d.id);
                p.onChanged();
              }}
              onUnauthorized={p.onUnauthorized}
            />
          )}
          <ul class="site-list">
            {list.map((s) => (
              <SiteCard
                key={s.id}
                site={s}
                initial={created.find((c) => c.id === s.id) ?? null}
                fresh={fresh === s.id}
                onChanged={p.onChanged}
                onDeleted={() => {
                  setGone((g) => [...g, s.id]);
                  setCreated((c) => c.filter((x) => x.id !== s.id));
                  setNotice(ta.sites.deleted(s.name));
                  p.onChanged();
                }}
                onUnauthorized={p.onUnauthorized}
              />
            ))}
          </ul>
        </>
      )}
    </main>
  );
}

/** The origin lines that are not origins, in words. */
function OriginErrors({ errors, id }: { errors: OriginLineError[]; id: string }) {
  if (errors.length === 0) return null;
  return (
    <ul class="field-error origin-errors" id={id} role="alert" data-testid="origin-errors">
      {errors.map((e) => (
        <li key={`${e.line}-${e.value}`}>{ta.sites.originLine(e.line, e.value, ta.sites.problems[e.problem] ?? e.problem)}</li>
      ))}
    </ul>
  );
}

function AddSite({
  canCancel,
  onCancel,
  onCreated,
  onUnauthorized,
}: {
  canCancel: boolean;
  onCancel: () => void;
  onCreated: (d: SiteDetail) => void;
  onUnauthorized: () => void;
}) {
  const [name, setName] = useState('');
  const [origins, setOrigins] = useState('');
  const [lineErrors, setLineErrors] = useState<OriginLineError[]>([]);
  const [error, setError] = useState<{ field: 'name' | 'origins' | 'form'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (canCancel) nameRef.current?.focus();
  }, []);

  const submit = (e: Event) => {
    e.preventDefault();
    if (busy) return;
    setError(null);
    const n = name.trim();
    if (!n || n.length > 80) return setError({ field: 'name', text: ta.sites.nameNeeded });
    const parsed = parseOrigins(origins);
    setLineErrors(parsed.errors);
    if (parsed.errors.length) return;
    if (parsed.origins.length === 0) return setError({ field: 'origins', text: ta.sites.originsNeeded });
    if (parsed.origins.length > MAX_ORIGINS) return setError({ field: 'origins', text: ta.sites.tooMany(MAX_ORIGINS) });
    setBusy(true);
    api.createSite({ name: n, origins: parsed.origins }).then(
      (d) => onCreated(d),
      (err: unknown) => {
        setBusy(false);
        setError({ field: 'form', text: errorOf(err, onUnauthorized) });
      },
    );
  };

  return (
    <section class="card site-new" aria-labelledby="site-new-title">
      <h2 id="site-new-title">{ta.sites.addTitle}</h2>
      <form onSubmit={submit} noValidate data-testid="site-new">
        <div class="field">
          <label for="site-new-name">{ta.sites.name}</label>
          <input
            id="site-new-name"
            ref={nameRef}
            class="text-input site-name-input"
            data-testid="site-new-name"
            maxLength={80}
            placeholder={ta.sites.namePlaceholder}
            aria-invalid={error?.field === 'name' || undefined}
            value={name}
            onInput={(e) => setName(e.currentTarget.value)}
          />
          {error?.field === 'name' && (
            <p class="field-error" role="alert">
              {error.text}
            </p>
          )}
        </div>
        <div class="field">
          <label for="site-new-origins">{ta.sites.origins}</label>
          <textarea
            id="site-new-origins"
            class="text-input mono origins-input"
            data-testid="site-new-origins"
            rows={3}
            spellcheck={false}
            autocapitalize="off"
            placeholder={ta.sites.originsPlaceholder}
            aria-describedby="site-new-origins-hint"
            aria-invalid={lineErrors.length > 0 || error?.field === 'origins' || undefined}
            value={origins}
            onInput={(e) => setOrigins(e.currentTarget.value)}
          />
          <p class="hint" id="site-new-origins-hint">
            {ta.sites.originsHint}
          </p>
          <OriginErrors errors={lineErrors} id="site-new-origin-errors" />
          {error?.field === 'origins' && (
            <p class="field-error" role="alert">
              {error.text}
            </p>
          )}
        </div>
        {error?.field === 'form' && (
          <p class="form-error" role="alert" data-testid="site-new-error">
            {error.text}
          </p>
        )}
        <div class="form-actions">
          <button type="submit" class="primary" data-testid="site-new-submit" disabled={busy}>
            {busy ? ta.sites.creating : ta.sites.create}
          </button>
          {canCancel && (
            <button type="button" onClick={onCancel}>
              {ta.sites.cancel}
            </button>
          )}
        </div>
      </form>
    </section>
  );
}

// -------------------------------------------------------------------------------------------

function SiteCard({
  site,
  initial,
  fresh,
  onChanged,
  onDeleted,
  onUnauthorized,
}: {
  site: Site;
  initial: SiteDetail | null;
  fresh: boolean;
  onChanged: () => void;
  onDeleted: () => void;
  onUnauthorized: () => void;
}) {
  const [detail, setDetail] = useState<SiteDetail | null>(initial);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const ref = useRef<HTMLLIElement>(null);

  useEffect(() => {
    if (detail && attempt === 0) return;
    let live = true;
    setLoadError(null);
    api.site(site.id).then(
      (d) => live && setDetail(d),
      (e: unknown) => live && setLoadError(errorOf(e, onUnauthorized)),
    );
    return () => {
      live = false;
    };
  }, [site.id, attempt]);

  // A site just created: bring its snippet into view.
  useEffect(() => {
    if (!fresh || !ref.current) return;
    ref.current.scrollIntoView?.({ block: 'start', behavior: 'smooth' });
    ref.current.querySelector<HTMLElement>('h2')?.focus();
  }, [fresh]);

  const name = detail?.name ?? site.name;
  const titleId = `site-${site.id}-title`;
  return (
    <li class={`card site-card${fresh ? ' fresh' : ''}`} ref={ref} data-testid="site-card" data-site-id={site.id} aria-labelledby={titleId}>
      <div class="site-head">
        <h2 id={titleId} tabIndex={-1}>
          {name}
        </h2>
        <span class="muted small">
          {ta.sites.id} <code class="mono" data-testid="site-id">{site.id}</code>
          {detail && <> · {ta.sites.created(formatDate(detail.createdAt))}</>}
        </span>
      </div>
      {!detail ? (
        loadError ? (
          <p class="form-error" role="alert">
            {ta.sites.loadError} {loadError}{' '}
            <button type="button" class="link" onClick={() => setAttempt((n) => n + 1)}>
              {ta.sites.retry}
            </button>
          </p>
        ) : (
          <p class="muted">{ta.sites.loading}</p>
        )
      ) : (
        <>
          <section class="site-section" aria-labelledby={`${titleId}-embed`}>
            <h3 id={`${titleId}-embed`}>{ta.sites.embed}</h3>
            <p class="hint">{ta.sites.embedHint}</p>
            <CopyField value={detail.embed.snippet} label={ta.sites.snippetLabel(name)} testId="site-snippet" multiline />
            <h4>{ta.sites.csp}</h4>
            <p class="hint">{ta.sites.cspHint}</p>
            <CopyField value={detail.embed.csp} label={ta.sites.cspLabel(name)} testId="site-csp" multiline />
          </section>
          <RenameSite
            detail={detail}
            onSaved={(d) => {
              setDetail(d);
              onChanged();
            }}
            onUnauthorized={onUnauthorized}
          />
          <SiteOrigins detail={detail} onSaved={setDetail} onUnauthorized={onUnauthorized} />
          <DeleteSite detail={detail} onDeleted={onDeleted} onUnauthorized={onUnauthorized} />
        </>
      )}
    </li>
  );
}

type Status = { state: 'idle' } | { state: 'saving' } | { state: 'saved' } | { state: 'error'; message: string };

function useSavedFade(status: Status, set: (s: Status) => void) {
  useEffect(() => {
    if (status.state !== 'saved') return;
    const timer = setTimeout(() => set({ state: 'idle' }), 4000);
    return () => clearTimeout(timer);
  }, [status]);
}

function StatusText({ status, testId }: { status: Status; testId: string }) {
  return (
    <span aria-live="polite" data-testid={testId} data-state={status.state}>
      {status.state === 'saved' && <span class="field-ok">{ta.sites.saved}</span>}
      {status.state === 'error' && (
        <span class="field-error" role="alert">
          {status.message}
        </span>
      )}
    </span>
  );
}

function RenameSite({ detail, onSaved, onUnauthorized }: { detail: SiteDetail; onSaved: (d: SiteDetail) => void; onUnauthorized: () => void }) {
  const [name, setName] = useState(detail.name);
  const [status, setStatus] = useState<Status>({ state: 'idle' });
  useSavedFade(status, setStatus);
  const id = `site-${detail.id}-name`;
  const dirty = name.trim() !== detail.name;

  const save = (e: Event) => {
    e.preventDefault();
    const n = name.trim();
    if (!n || n.length > 80) return setStatus({ state: 'error', message: ta.sites.nameNeeded });
    if (!dirty) return;
    setStatus({ state: 'saving' });
    api.updateSite(detail.id, { name: n }).then(
      (d) => {
        setName(d.name);
        setStatus({ state: 'saved' });
        onSaved(d);
      },
      (err: unknown) => setStatus({ state: 'error', message: errorOf(err, onUnauthorized) }),
    );
  };

  return (
    <form class="site-section inline-add" onSubmit={save} noValidate>
      <label for={id} class="label">
        {ta.sites.rename}
      </label>
      <input
        id={id}
        class="text-input site-name-input"
        data-testid="site-name-input"
        maxLength={80}
        value={name}
        onInput={(e) => {
          setName(e.currentTarget.value);
          if (status.state !== 'saving') setStatus({ state: 'idle' });
        }}
      />
      <button type="submit" data-testid="site-name-save" disabled={!dirty || status.state === 'saving'}>
        {status.state === 'saving' ? ta.sites.saving : ta.sites.saveName}
      </button>
      <StatusText status={status} testId="site-name-status" />
    </form>
  );
}

function SiteOrigins({ detail, onSaved, onUnauthorized }: { detail: SiteDetail; onSaved: (d: SiteDetail) => void; onUnauthorized: () => void }) {
  const [text, setText] = useState(originsText(detail.origins));
  const [lineErrors, setLineErrors] = useState<OriginLineError[]>([]);
  const [status, setStatus] = useState<Status>({ state: 'idle' });
  useSavedFade(status, setStatus);
  const id = `site-${detail.id}-origins`;
  const parsed = parseOrigins(text);
  const dirty = parsed.errors.length > 0 || originsText(parsed.origins) !== originsText(detail.origins);

  const save = (e: Event) => {
    e.preventDefault();
    setLineErrors(parsed.errors);
    if (parsed.errors.length) return setStatus({ state: 'idle' });
    if (parsed.origins.length === 0 && detail.configOrigins.length === 0) return setStatus({ state: 'error', message: ta.sites.originsNeeded });
    if (parsed.origins.length > MAX_ORIGINS) return setStatus({ state: 'error', message: ta.sites.tooMany(MAX_ORIGINS) });
    setStatus({ state: 'saving' });
    api.updateSite(detail.id, { origins: parsed.origins }).then(
      (d) => {
        setText(originsText(d.origins));
        setStatus({ state: 'saved' });
        onSaved(d);
      },
      (err: unknown) => setStatus({ state: 'error', message: errorOf(err, onUnauthorized) }),
    );
  };

  return (
    <form class="site-section" onSubmit={save} noValidate>
      <div class="field">
        <label for={id}>{ta.sites.origins}</label>
        <textarea
          id={id}
          class="text-input mono origins-input"
          data-testid="site-origins"
          rows={Math.min(8, Math.max(2, detail.origins.length + 1))}
          spellcheck={false}
          autocapitalize="off"
          placeholder={ta.sites.originsPlaceholder}
          aria-describedby={`${id}-hint`}
          aria-invalid={lineErrors.length > 0 || undefined}
          value={text}
          onInput={(e) => {
            setText(e.currentTarget.value);
            setLineErrors([]);
            if (status.state !== 'saving') setStatus({ state: 'idle' });
          }}
        />
        <p class="hint" id={`${id}-hint`}>
          {ta.sites.originsHint}
        </p>
        <OriginErrors errors={lineErrors} id={`${id}-errors`} />
      </div>
      {detail.configOrigins.length > 0 && (
        <div class="field config-origins" data-testid="site-config-origins">
          <span class="label">{ta.sites.configOrigins}</span>
          <ul class="origin-chips">
            {detail.configOrigins.map((o) => (
              <li key={o} class="chip mono">
                {o}
              </li>
            ))}
          </ul>
          <p class="hint">{ta.sites.configHint}</p>
        </div>
      )}
      <div class="form-actions">
        <button type="submit" data-testid="site-origins-save" disabled={!dirty || status.state === 'saving'}>
          {status.state === 'saving' ? ta.sites.saving : ta.sites.saveOrigins}
        </button>
        <StatusText status={status} testId="site-origins-status" />
      </div>
    </form>
  );
}

function DeleteSite({ detail, onDeleted, onUnauthorized }: { detail: SiteDetail; onDeleted: () => void; onUnauthorized: () => void }) {
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const [status, setStatus] = useState<Status>({ state: 'idle' });
  const inputRef = useRef<HTMLInputElement>(null);
  const id = `site-${detail.id}-delete`;
  const matches = typed.trim() === detail.id;

  useEffect(() => {
    if (open) inputRef.current?.focus();
  }, [open]);

  if (!open) {
    return (
      <div class="site-section">
        <button type="button" class="ghost danger-text" data-testid="site-delete" onClick={() => setOpen(true)}>
          {ta.sites.delete}
        </button>
      </div>
    );
  }

  const remove = (e: Event) => {
    e.preventDefault();
    if (!matches || status.state === 'saving') return;
    setStatus({ state: 'saving' });
    api.deleteSite(detail.id).then(onDeleted, (err: unknown) => setStatus({ state: 'error', message: errorOf(err, onUnauthorized) }));
  };

  return (
    <form class="site-section danger-zone" onSubmit={remove} noValidate data-testid="site-delete-form" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{ta.sites.danger}</h3>
      <p class="danger-text" id={`${id}-warn`}>
        {ta.sites.deleteWarn(detail.name)}
      </p>
      <label for={id}>{ta.sites.typeId(detail.id)}</label>
      <div class="inline-add">
        <input
          id={id}
          ref={inputRef}
          class="text-input mono"
          data-testid="site-delete-id"
          autocomplete="off"
          spellcheck={false}
          aria-describedby={`${id}-warn`}
          value={typed}
          onInput={(e) => setTyped(e.currentTarget.value)}
        />
        <button type="submit" class="danger" data-testid="site-delete-confirm" disabled={!matches || status.state === 'saving'}>
          {status.state === 'saving' ? ta.sites.deleting : ta.sites.confirmDelete}
        </button>
        <button
          type="button"
          onClick={() => {
            setOpen(false);
            setTyped('');
            setStatus({ state: 'idle' });
          }}
        >
          {ta.sites.cancel}
        </button>
      </div>
      {status.state === 'error' && (
        <p class="field-error" role="alert" data-testid="site-delete-error">
          {status.message}
        </p>
      )}
    </form>
  );
}
