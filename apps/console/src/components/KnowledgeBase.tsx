import type { AgentView, BotAnswer, Department, FaqEntry } from '@parla/protocol';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { SitePage } from './SitePage.tsx';
import { api, ApiError, type BotMiss, type Site } from '../api.ts';
import { formatFull, formatTime } from '../dates.ts';
import { tk } from '../i18n-kb.ts';
import { lang as uiLang, t } from '../i18n.ts';
import {
  applyFaqChange,
  exportFaqs,
  FAQ_LANGS,
  type FaqChange,
  type FaqField,
  type FaqForm,
  type FaqLang,
  filterFaqs,
  fromFaqForm,
  type LangFilter,
  newFaqForm,
  parseFaqImport,
  toFaqForm,
  withQuestion,
} from '../kb.ts';
import { apiErrorText } from '../labels.ts';
import { RichText } from './RichText.tsx';

interface Props {
  me: AgentView;
  sites: Site[] | null;
  departments: Department[] | null;
  directoryError: string | null;
  onUnauthorized: () => void;
}

type Notice = { kind: 'ok' | 'error'; text: string } | null;
/** `seq` remounts the form (focus, scroll) each time it is opened. */
type Editor = { originalId: string | null; form: FaqForm; seq: number };
type FormStatus = { state: 'idle' } | { state: 'saving' } | { state: 'error'; message: string; fields?: FaqField[] };

function errorOf(e: unknown, onUnauthorized: () => void): string {
  if (e instanceof ApiError && e.status === 401) onUnauthorized();
  return apiErrorText(e);
}

/** The FAQ entries the bot answers from, "try the bot" and the questions it missed; read-only for non-admins. */
export function KnowledgeBase(p: Props) {
  const admin = p.me.role === 'admin';
  return (
    <SitePage name="kb" texts={tk} admin={admin} sites={p.sites} directoryError={p.directoryError}>
      {(site) => (
        <SiteKb
          key={site}
          siteId={site}
          admin={admin}
          departments={p.departments?.filter((d) => d.siteId === site) ?? []}
          onUnauthorized={p.onUnauthorized}
        />
      )}
    </SitePage>
  );
}

// -------------------------------------------------------------------------------------------

function SiteKb({ siteId, admin, departments, onUnauthorized }: { siteId: string; admin: boolean; departments: Department[]; onUnauthorized: () => void }) {
  const [list, setList] = useState<FaqEntry[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [query, setQuery] = useState('');
  const [langFilter, setLangFilter] = useState<LangFilter>('all');
  const [editor, setEditor] = useState<Editor | null>(null);
  const [formStatus, setFormStatus] = useState<FormStatus>({ state: 'idle' });
  const [notice, setNotice] = useState<Notice>(null);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    setLoadError(null);
    api.faqs(siteId).then(
      (l) => !cancelled && setList(l),
      (e: unknown) => !cancelled && setLoadError(errorOf(e, onUnauthorized)),
    );
    return () => {
      cancelled = true;
    };
  }, [siteId, attempt]);

  const departmentNames = useMemo(() => Object.fromEntries(departments.map((d) => [d.id, d.name])), [departments]);
  const shown = useMemo(() => (list ? filterFaqs(list, query, langFilter) : []), [list, query, langFilter]);
  const ids = (except: string | null) => (list ?? []).map((e) => e.id).filter((id) => id !== except);

  /** GET the current list, apply the change, PUT the whole list. */
  const mutate = async (change: FaqChange): Promise<{ ok: true; count: number } | { ok: false; message: string }> => {
    try {
      const fresh = await api.faqs(siteId);
      const r = applyFaqChange(fresh, change);
      if (!r.ok) {
        setList(fresh);
        return { ok: false, message: r.error === 'duplicate' ? tk.duplicate : tk.missing };
      }
      const res = await api.saveFaqs(siteId, r.list);
      setList(r.list);
      return { ok: true, count: res.count };
    } catch (e) {
      return { ok: false, message: errorOf(e, onUnauthorized) };
    }
  };

  const editorSeq = useRef(0);
  const openEditor = (e: Omit<Editor, 'seq'>) => {
    setEditor({ ...e, seq: ++editorSeq.current });
    setFormStatus({ state: 'idle' });
    setNotice(null);
    setConfirming(null);
  };

  const save = async () => {
    if (!editor || !admin) return;
    const r = fromFaqForm(editor.form);
    if (!r.ok) {
      setFormStatus({ state: 'error', message: tk.fixErrors, fields: r.errors });
      return;
    }
    setFormStatus({ state: 'saving' });
    const res = await mutate(editor.originalId === null ? { kind: 'create', entry: r.entry } : { kind: 'update', id: editor.originalId, entry: r.entry });
    if (!res.ok) {
      setFormStatus({ state: 'error', message: tk.refused(res.message) });
      return;
    }
    setEditor(null);
    setFormStatus({ state: 'idle' });
    setNotice({ kind: 'ok', text: tk.saved(res.count) });
  };

  const remove = async (id: string) => {
    setBusy(true);
    const res = await mutate({ kind: 'delete', id });
    setBusy(false);
    setConfirming(null);
    if (res.ok && editor?.originalId === id) setEditor(null);
    setNotice(res.ok ? { kind: 'ok', text: tk.deleted } : { kind: 'error', text: tk.refused(res.message) });
  };

  const exportJson = async () => {
    setNotice(null);
    try {
      const fresh = await api.faqs(siteId);
      setList(fresh);
      const url = URL.createObjectURL(new Blob([exportFaqs(fresh)], { type: 'application/json' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = `faqs-${siteId}-${new Date().toISOString().slice(0, 10)}.json`;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (e) {
      setNotice({ kind: 'error', text: tk.exportFailed(errorOf(e, onUnauthorized)) });
    }
  };

  const importFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    setNotice(null);
    setBusy(true);
    try {
      const parsed = parseFaqImport(await file.text());
      if (!parsed.ok) {
        setNotice({
          kind: 'error',
          text:
            parsed.error === 'json'
              ? tk.importJson(parsed.detail ?? '')
              : parsed.error === 'notArray'
                ? tk.importNotArray
                : tk.importNotObject((parsed.index ?? 0) + 1),
        });
        return;
      }
      const res = await api.saveFaqs(siteId, parsed.entries);
      setEditor(null);
      setNotice({ kind: 'ok', text: tk.imported(res.count) });
      setList(await api.faqs(siteId).catch(() => parsed.entries));
    } catch (e) {
      setNotice({ kind: 'error', text: tk.importRefused(errorOf(e, onUnauthorized)) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <section class="card" aria-labelledby="kb-entries">
        <h2 id="kb-entries">{tk.title}</h2>
        <div class="kb-toolbar">
          <input
            type="search"
            class="text-input grow"
            data-testid="kb-search"
            aria-label={tk.search}
            placeholder={tk.searchPlaceholder}
            value={query}
            onInput={(e) => setQuery(e.currentTarget.value)}
          />
          <select data-testid="kb-lang" aria-label={tk.langFilter} value={langFilter} onChange={(e) => setLangFilter(e.currentTarget.value as LangFilter)}>
            <option value="all">{tk.langAll}</option>
            {FAQ_LANGS.map((l) => (
              <option key={l} value={l}>
                {tk.langs[l]}
              </option>
            ))}
          </select>
          {admin && (
            <>
              <button
                type="button"
                class="primary"
                data-testid="kb-new"
                disabled={!list}
                onClick={() => openEditor({ originalId: null, form: newFaqForm({ lang: langFilter === 'all' ? uiLang : langFilter }) })}
              >
                {tk.newEntry}
              </button>
              <button type="button" data-testid="kb-export" disabled={busy} onClick={() => void exportJson()}>
                {tk.export}
              </button>
              <label class="file-button" title={tk.importHint}>
                {tk.import}
                <input
                  type="file"
                  accept=".json,application/json"
                  data-testid="kb-import"
                  aria-describedby="kb-import-hint"
                  disabled={busy}
                  onChange={(e) => void importFile(e.currentTarget)}
                />
              </label>
            </>
          )}
        </div>
        {admin && (
          <p class="hint" id="kb-import-hint">
            {tk.importHint}
          </p>
        )}
        <p aria-live="polite" data-testid="kb-status" data-state={notice?.kind ?? 'idle'}>
          {notice && (
            <span class={notice.kind === 'ok' ? 'field-ok' : 'field-error'} role={notice.kind === 'error' ? 'alert' : undefined}>
              {notice.text}
            </span>
          )}
        </p>

        {editor && admin && (
          <FaqEditor
            key={editor.seq}
            editor={editor}
            departments={departments}
            status={formStatus}
            onChange={(form) => {
              setEditor((e) => (e ? { ...e, form } : e));
              if (formStatus.state === 'error') setFormStatus({ state: 'idle' });
            }}
            onQuestion={(q) => setEditor((e) => (e ? { ...e, form: withQuestion(e.form, q, ids(e.originalId)) } : e))}
            onSave={() => void save()}
            onCancel={() => setEditor(null)}
          />
        )}

        {!list ? (
          loadError ? (
            <p class="form-error" role="alert">
              {tk.loadError} {loadError}{' '}
              <button type="button" class="link" onClick={() => setAttempt((n) => n + 1)}>
                {tk.retry}
              </button>
            </p>
          ) : (
            <p class="muted">{t.loading}</p>
          )
        ) : list.length === 0 ? (
          <p class="muted">{tk.empty}</p>
        ) : (
          <>
            <p class="muted small" data-testid="kb-count">
              {tk.entries(shown.length, list.length)}
            </p>
            {shown.length === 0 ? (
              <p class="muted">{tk.noMatch}</p>
            ) : (
              <ul class="kb-list">
                {shown.map((e) => (
                  <li key={e.id} class="kb-row" data-testid="kb-row" data-faq-id={e.id}>
                    <div class="kb-row-main">
                      <strong class="kb-q">{e.question}</strong>
                      <div class="kb-meta">
                        <span class="tag kb-lang-tag" title={tk.langs[e.lang]}>
                          {e.lang}
                        </span>
                        <span>{e.departmentId ? (departmentNames[e.departmentId] ?? e.departmentId) : tk.noDepartment}</span>
                        {(e.tags ?? []).length > 0 && (
                          <span class="kb-tags" aria-label={tk.tags}>
                            {e.tags.map((tag) => (
                              <span key={tag} class="tag">
                                {tag}
                              </span>
                            ))}
                          </span>
                        )}
                      </div>
                      <details class="kb-answer">
                        <summary>{tk.showAnswer}</summary>
                        <div class="bubble kb-bubble">
                          <RichText text={e.answer} />
                        </div>
                      </details>
                    </div>
                    {admin && (
                      <div class="kb-row-actions">
                        {confirming === e.id ? (
                          <span class="confirm" role="group" aria-label={tk.confirmDelete(e.question)}>
                            <span>{tk.confirmDelete(e.question)}</span>
                            <button type="button" class="danger" data-testid="kb-delete-confirm" disabled={busy} onClick={() => void remove(e.id)}>
                              {tk.confirm}
                            </button>
                            <button type="button" data-testid="kb-delete-cancel" onClick={() => setConfirming(null)}>
                              {tk.cancel}
                            </button>
                          </span>
                        ) : (
                          <>
                            <button type="button" data-testid="kb-edit" aria-label={tk.editLabel(e.question)} onClick={() => openEditor({ originalId: e.id, form: toFaqForm(e) })}>
                              {tk.edit}
                            </button>
                            <button
                              type="button"
                              class="ghost danger-text"
                              data-testid="kb-delete"
                              aria-label={tk.deleteLabel(e.question)}
                              onClick={() => setConfirming(e.id)}
                            >
                              {tk.delete}
                            </button>
                          </>
                        )}
                      </div>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </section>

      <BotTry siteId={siteId} onUnauthorized={onUnauthorized} />
      <Misses
        siteId={siteId}
        admin={admin}
        entries={list}
        onUnauthorized={onUnauthorized}
        onCreate={(m) => openEditor({ originalId: null, form: newFaqForm({ question: m.question, lang: m.lang }, ids(null)) })}
        onLearned={(entry) => setList((l) => (l ? l.map((e) => (e.id === entry.id ? entry : e)) : l))}
      />
    </>
  );
}

// -------------------------------------------------------------------------------------------

function FaqEditor({
  editor,
  departments,
  status,
  onChange,
  onQuestion,
  onSave,
  onCancel,
}: {
  editor: Editor;
  departments: Department[];
  status: FormStatus;
  onChange: (f: FaqForm) => void;
  onQuestion: (q: string) => void;
  onSave: () => void;
  onCancel: () => void;
}) {
  const f = editor.form;
  const ref = useRef<HTMLFormElement>(null);
  const base = editor.originalId === null ? 'kb-new' : `kb-edit-${editor.originalId}`;
  const bad = (field: FaqField) => status.state === 'error' && (status.fields ?? []).includes(field);
  const err = (field: FaqField) =>
    bad(field) ? (
      <p class="field-error" id={`${base}-${field}-error`}>
        {tk.errors[field]}
      </p>
    ) : null;
  const aria = (field: FaqField, hint?: string) => ({
    'aria-invalid': bad(field) || undefined,
    'aria-describedby': [hint, bad(field) ? `${base}-${field}-error` : undefined].filter(Boolean).join(' ') || undefined,
  });
  const unknownDepartment = f.departmentId && !departments.some((d) => d.id === f.departmentId);

  // Bring the form into view (it may open from the misses list further down) and focus the question.
  useEffect(() => {
    ref.current?.scrollIntoView?.({ block: 'nearest' });
    ref.current?.querySelector<HTMLInputElement>('[data-testid="kb-question"]')?.focus();
  }, []);

  return (
    <form
      ref={ref}
      class="kb-form nested"
      data-testid="kb-form"
      aria-labelledby={`${base}-title`}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onSave();
      }}
    >
      <h3 id={`${base}-title`}>{editor.originalId === null ? tk.formNew : tk.formEdit}</h3>
      <fieldset class="plain" disabled={status.state === 'saving'}>
        <div class="field-row">
          <div class="field grow">
            <label for={`${base}-question`}>{tk.question}</label>
            <input
              id={`${base}-question`}
              class={`text-input${bad('question') ? ' invalid' : ''}`}
              data-testid="kb-question"
              maxLength={300}
              value={f.question}
              {...aria('question')}
              onInput={(e) => onQuestion(e.currentTarget.value)}
            />
            {err('question')}
          </div>
          <div class="field">
            <label for={`${base}-lang`}>{tk.lang}</label>
            <select id={`${base}-lang`} data-testid="kb-form-lang" value={f.lang} onChange={(e) => onChange({ ...f, lang: e.currentTarget.value as FaqLang })}>
              {FAQ_LANGS.map((l) => (
                <option key={l} value={l}>
                  {tk.langs[l]}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for={`${base}-id`}>{tk.id}</label>
            <input
              id={`${base}-id`}
              class={`text-input mono${bad('id') ? ' invalid' : ''}`}
              data-testid="kb-id"
              maxLength={64}
              value={f.id}
              {...aria('id', `${base}-id-hint`)}
              onInput={(e) => onChange({ ...f, id: e.currentTarget.value, idEdited: true })}
            />
            <span class="sr-only" id={`${base}-id-hint`}>
              {tk.idHint}
            </span>
            {err('id')}
          </div>
        </div>

        <div class="field">
          <label for={`${base}-alternatives`}>{tk.alternatives}</label>
          <textarea
            id={`${base}-alternatives`}
            class={`text-input${bad('alternatives') ? ' invalid' : ''}`}
            data-testid="kb-alternatives"
            rows={3}
            value={f.alternatives}
            {...aria('alternatives')}
            onInput={(e) => onChange({ ...f, alternatives: e.currentTarget.value })}
          />
          {err('alternatives')}
        </div>

        <div class="kb-answer-row">
          <div class="field grow">
            <label for={`${base}-answer`}>{tk.answer}</label>
            <textarea
              id={`${base}-answer`}
              class={`text-input${bad('answer') ? ' invalid' : ''}`}
              data-testid="kb-answer"
              rows={6}
              maxLength={4000}
              value={f.answer}
              {...aria('answer', `${base}-answer-hint`)}
              onInput={(e) => onChange({ ...f, answer: e.currentTarget.value })}
            />
            <p class="hint" id={`${base}-answer-hint`}>
              {tk.answerHint}
            </p>
            {err('answer')}
          </div>
          <div class="field grow">
            <span class="label" id={`${base}-preview`}>
              {tk.preview}
            </span>
            <div class="bubble kb-bubble kb-preview" data-testid="kb-preview" role="region" aria-labelledby={`${base}-preview`}>
              {f.answer.trim() ? <RichText text={f.answer.trim()} /> : <span class="muted">{tk.previewEmpty}</span>}
            </div>
          </div>
        </div>

        <div class="field-row">
          <div class="field grow">
            <label for={`${base}-quick`}>{tk.quickReplies}</label>
            <textarea
              id={`${base}-quick`}
              class={`text-input${bad('quickReplies') ? ' invalid' : ''}`}
              data-testid="kb-quick-replies"
              rows={3}
              value={f.quickReplies}
              {...aria('quickReplies')}
              onInput={(e) => onChange({ ...f, quickReplies: e.currentTarget.value })}
            />
            {err('quickReplies')}
          </div>
          <div class="field">
            <label for={`${base}-department`}>{tk.department}</label>
            <select id={`${base}-department`} data-testid="kb-department" value={f.departmentId} onChange={(e) => onChange({ ...f, departmentId: e.currentTarget.value })}>
              <option value="">{tk.noDepartment}</option>
              {departments.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
              {unknownDepartment && <option value={f.departmentId}>{f.departmentId}</option>}
            </select>
          </div>
          <div class="field grow">
            <label for={`${base}-tags`}>{tk.tagsField}</label>
            <input
              id={`${base}-tags`}
              class={`text-input${bad('tags') ? ' invalid' : ''}`}
              data-testid="kb-tags"
              value={f.tags}
              {...aria('tags')}
              onInput={(e) => onChange({ ...f, tags: e.currentTarget.value })}
            />
            {err('tags')}
          </div>
        </div>
      </fieldset>
      <div class="form-actions">
        <button type="submit" class="primary" data-testid="kb-save" disabled={status.state === 'saving'}>
          {status.state === 'saving' ? tk.saving : tk.save}
        </button>
        <button type="button" data-testid="kb-cancel" onClick={onCancel}>
          {tk.cancel}
        </button>
        <span aria-live="polite" data-testid="kb-form-status" data-state={status.state}>
          {status.state === 'error' && (
            <span class="field-error" role="alert">
              {status.message}
            </span>
          )}
        </span>
      </div>
    </form>
  );
}

// -------------------------------------------------------------------------------------------

type TryState = { state: 'idle' } | { state: 'asking' } | { state: 'done'; answer: BotAnswer } | { state: 'error'; message: string };

function BotTry({ siteId, onUnauthorized }: { siteId: string; onUnauthorized: () => void }) {
  const [question, setQuestion] = useState('');
  const [lang, setLang] = useState<FaqLang>(uiLang);
  const [result, setResult] = useState<TryState>({ state: 'idle' });

  const ask = () => {
    const q = question.trim();
    if (!q) return;
    setResult({ state: 'asking' });
    api.botAnswer(siteId, q, lang).then(
      (answer) => setResult({ state: 'done', answer }),
      (e: unknown) => setResult({ state: 'error', message: tk.tryFailed(errorOf(e, onUnauthorized)) }),
    );
  };

  return (
    <section class="card" aria-labelledby="kb-try">
      <h2 id="kb-try">{tk.tryTitle}</h2>
      <form
        class="kb-toolbar"
        onSubmit={(e) => {
          e.preventDefault();
          ask();
        }}
      >
        <input
          class="text-input grow"
          data-testid="bot-try-question"
          aria-label={tk.tryQuestion}
          placeholder={tk.tryQuestion}
          maxLength={1000}
          value={question}
          onInput={(e) => setQuestion(e.currentTarget.value)}
        />
        <select data-testid="bot-try-lang" aria-label={tk.tryLang} value={lang} onChange={(e) => setLang(e.currentTarget.value as FaqLang)}>
          {FAQ_LANGS.map((l) => (
            <option key={l} value={l}>
              {tk.langs[l]}
            </option>
          ))}
        </select>
        <button type="submit" class="primary" data-testid="bot-try-submit" disabled={!question.trim() || result.state === 'asking'}>
          {result.state === 'asking' ? tk.trying : tk.trySubmit}
        </button>
      </form>
      <div
        aria-live="polite"
        data-testid="bot-try-result"
        data-state={result.state === 'done' ? result.answer.decision : result.state}
        data-faq-id={result.state === 'done' ? (result.answer.faqId ?? undefined) : undefined}
      >
        {result.state === 'error' && (
          <p class="field-error" role="alert">
            {result.message}
          </p>
        )}
        {result.state === 'done' && <TryResult a={result.answer} />}
      </div>
    </section>
  );
}

/** What the bot would do: the answer, the entries it would suggest, or a handover; then the nearest entries and their scores. */
function TryResult({ a }: { a: BotAnswer }) {
  const score = (x: number) => x.toFixed(2);
  return (
    <>
      {a.decision === 'answer' ? (
        <dl class="kb-try-result">
          <dt>{tk.tryMatched}</dt>
          <dd>
            {a.question} <span class="muted mono">({a.faqId})</span>
          </dd>
          <dt>{tk.tryAnswer}</dt>
          <dd>
            <div class="bubble kb-bubble">
              <RichText text={a.answer ?? ''} />
            </div>
          </dd>
          {a.quickReplies.length > 0 && (
            <>
              <dt>{tk.tryQuickReplies}</dt>
              <dd class="chips">
                {a.quickReplies.map((q) => (
                  <span key={q} class="tag">
                    {q}
                  </span>
                ))}
              </dd>
            </>
          )}
          <dt>{tk.tryScore}</dt>
          <dd class="mono">{score(a.score)}</dd>
        </dl>
      ) : a.decision === 'suggest' ? (
        <div class="kb-suggest" data-testid="bot-try-suggestions">
          <p>{tk.trySuggest}</p>
          <ul class="chips">
            {a.suggestions.map((x) => (
              <li key={x.faqId} class="tag" data-faq-id={x.faqId}>
                {x.question}
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p class="kb-abstain">
          {tk.tryAbstain} <span class="muted mono">({tk.tryScore} {score(a.score)})</span>
        </p>
      )}
      {a.nearest.length > 0 ? (
        <div class="table-wrap">
          <table class="report-table kb-nearest" data-testid="bot-try-nearest">
            <caption>{tk.tryNearest}</caption>
            <thead>
              <tr>
                <th scope="col">{tk.question}</th>
                <th scope="col">{tk.tryEntry}</th>
                <th scope="col" class="num">
                  {tk.tryScore}
                </th>
              </tr>
            </thead>
            <tbody>
              {a.nearest.map((n) => (
                <tr key={n.faqId}>
                  <td>{n.question}</td>
                  <td class="mono">{n.faqId}</td>
                  <td class="num mono">{score(n.score)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p class="muted">{tk.tryNone}</p>
      )}
      <p class="muted small">{tk.tryThresholds(score(a.thresholds.answer), score(a.thresholds.suggest))}</p>
    </>
  );
}

// -------------------------------------------------------------------------------------------

type MissView = 'shoppers' | 'trials';
type MissRow = { state: 'busy' } | { state: 'error'; message: string };
const missKey = (m: BotMiss) => `${m.lang}|${m.normalised}`;

/**
 * The unanswered questions (shoppers' by default; the console's own "Try the bot" trials apart),
 * each with the entry it came closest to, and one-click learning: add the question as a phrasing
 * of the proposed entry (or another of its language), create an entry from it, or dismiss it.
 */
function Misses({
  siteId,
  admin,
  entries,
  onUnauthorized,
  onCreate,
  onLearned,
}: {
  siteId: string;
  admin: boolean;
  entries: FaqEntry[] | null;
  onUnauthorized: () => void;
  onCreate: (m: BotMiss) => void;
  onLearned: (entry: FaqEntry) => void;
}) {
  const [view, setView] = useState<MissView>('shoppers');
  const [misses, setMisses] = useState<BotMiss[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [notice, setNotice] = useState<Notice>(null);
  const [rowState, setRowState] = useState<Record<string, MissRow>>({});
  const [targets, setTargets] = useState<Record<string, string>>({});

  useEffect(() => {
    let cancelled = false;
    setError(null);
    setMisses(null);
    setRowState({});
    api.botMisses(siteId, 30, view === 'trials').then(
      (m) => !cancelled && setMisses(m),
      (e: unknown) => !cancelled && setError(errorOf(e, onUnauthorized)),
    );
    return () => {
      cancelled = true;
    };
  }, [siteId, attempt, view]);

  const setRow = (key: string, st: MissRow | null) =>
    setRowState((r) => {
      const next = { ...r };
      if (st) next[key] = st;
      else delete next[key];
      return next;
    });
  const done = (key: string, text: string) => {
    setRow(key, null);
    setMisses((l) => (l ? l.filter((x) => missKey(x) !== key) : l));
    setNotice({ kind: 'ok', text });
  };
  const failed = (key: string, e: unknown) => {
    const code = e instanceof ApiError ? e.code : '';
    const why = code === 'duplicate' ? tk.missDuplicate : code === 'alternatives_limit' ? tk.missLimit : errorOf(e, onUnauthorized);
    setRow(key, { state: 'error', message: tk.missFailed(why) });
  };

  const learn = async (m: BotMiss, entry: FaqEntry) => {
    const key = missKey(m);
    setRow(key, { state: 'busy' });
    setNotice(null);
    try {
      // The question as a shopper wrote it (its normalised form when that is too long for a phrasing).
      const text = m.question.trim().length <= 300 ? m.question.trim() : m.normalised.slice(0, 300);
      const res = await api.addAlternative(siteId, entry.id, text);
      onLearned(res.entry);
      done(key, tk.missLearned(m.normalised, res.entry.question));
    } catch (e) {
      failed(key, e);
    }
  };

  const dismiss = async (m: BotMiss) => {
    const key = missKey(m);
    setRow(key, { state: 'busy' });
    setNotice(null);
    try {
      await api.dismissMisses(siteId, m.lang, m.normalised);
      done(key, tk.missDismissed(m.normalised));
    } catch (e) {
      failed(key, e);
    }
  };

  /** The entry the row would learn into: the one picked, else the bot's proposal, else the closest then. */
  const targetOf = (m: BotMiss): FaqEntry | undefined => {
    const mine = (entries ?? []).filter((e) => e.lang === m.lang);
    const picked = targets[missKey(m)];
    for (const id of [picked, m.proposed?.faqId, m.closest?.faqId]) {
      const e = id ? mine.find((x) => x.id === id) : undefined;
      if (e) return e;
    }
    return undefined;
  };

  const reasons = (m: BotMiss) =>
    (
      [
        [m.abstained, tk.missAbstained],
        [m.suggested, tk.missSuggested],
        [m.unhelpful, tk.missUnhelpful],
      ] as const
    )
      .filter(([n]) => n > 0)
      .map(([n, label]) => `${label} ${n}`)
      .join(' · ');

  return (
    <section class="card" aria-labelledby="kb-misses" data-testid="kb-misses">
      <div class="view-head">
        <h2 id="kb-misses">{tk.missesTitle}</h2>
        <button type="button" class="ghost" data-testid="misses-refresh" onClick={() => setAttempt((n) => n + 1)}>
          {tk.refresh}
        </button>
      </div>
      <div class="segmented kb-miss-view" role="group" aria-label={tk.missesView}>
        {(['shoppers', 'trials'] as const).map((v) => (
          <button
            key={v}
            type="button"
            aria-pressed={view === v}
            data-testid={`misses-view-${v}`}
            onClick={() => {
              setNotice(null);
              setView(v);
            }}
          >
            {v === 'shoppers' ? tk.missesShoppers : tk.missesTrials}
          </button>
        ))}
      </div>
      <p class={view === 'trials' ? 'hint kb-trials-hint' : 'hint'} data-testid="misses-hint">
        {view === 'trials' ? tk.missesTrialsHint : tk.missesHint}
      </p>
      <p aria-live="polite" data-testid="misses-status" data-state={notice?.kind ?? 'idle'}>
        {notice && <span class={notice.kind === 'ok' ? 'field-ok' : 'field-error'}>{notice.text}</span>}
      </p>
      {error ? (
        <p class="form-error" role="alert">
          {tk.missesError} {error}{' '}
          <button type="button" class="link" onClick={() => setAttempt((n) => n + 1)}>
            {tk.retry}
          </button>
        </p>
      ) : !misses ? (
        <p class="muted">{t.loading}</p>
      ) : misses.length === 0 ? (
        <p class="muted" data-testid="misses-empty">
          {view === 'trials' ? tk.missesTrialsEmpty : tk.missesEmpty}
        </p>
      ) : (
        <div class="table-wrap">
          <table class="report-table kb-misses-table" data-view={view}>
            <thead>
              <tr>
                <th scope="col">{tk.missQuestion}</th>
                <th scope="col">{tk.lang}</th>
                <th scope="col" class="num">
                  {tk.missCount}
                </th>
                <th scope="col">{tk.missReasons}</th>
                <th scope="col">{tk.missClosest}</th>
                <th scope="col">{tk.missLast}</th>
                {admin && <th scope="col">{tk.missActions}</th>}
              </tr>
            </thead>
            <tbody>
              {misses.map((m, i) => {
                const key = missKey(m);
                const st = rowState[key];
                const busy = st?.state === 'busy';
                const target = targetOf(m);
                const choices = (entries ?? []).filter((e) => e.lang === m.lang);
                const selectId = `miss-target-${m.lang}-${m.normalised.replace(/[^a-z0-9]+/g, '-').slice(0, 40)}-${i}`;
                return (
                  <tr key={key} data-testid="misses-row" data-normalised={m.normalised} data-lang={m.lang}>
                    <td>
                      <strong class="kb-miss-q" data-testid="miss-normalised">
                        {m.normalised}
                      </strong>
                      {m.question.trim() !== m.normalised && <div class="muted small">{tk.missExample(m.question)}</div>}
                    </td>
                    <td>{m.lang}</td>
                    <td class="num" data-testid="miss-count">
                      {m.count}
                    </td>
                    <td class="small">{reasons(m)}</td>
                    <td data-testid="miss-closest" data-faq-id={m.closest?.faqId}>
                      {m.closest ? (
                        <>
                          {m.closest.question} <span class="muted mono small">({tk.missScore(m.closest.score.toFixed(2))})</span>
                        </>
                      ) : (
                        <span class="muted">{tk.missNoClosest}</span>
                      )}
                    </td>
                    <td title={formatFull(m.lastAt)}>{formatTime(m.lastAt)}</td>
                    {admin && (
                      <td class="kb-miss-actions">
                        <div class="kb-miss-learn">
                          <label class="sr-only" for={selectId}>
                            {tk.missTarget(m.normalised)}
                          </label>
                          <select
                            id={selectId}
                            data-testid="miss-target"
                            value={target?.id ?? ''}
                            disabled={busy || choices.length === 0}
                            onChange={(e) => {
                              const id = e.currentTarget.value;
                              setTargets((t0) => ({ ...t0, [key]: id }));
                              if (st?.state === 'error') setRow(key, null);
                            }}
                          >
                            {!target && <option value="">—</option>}
                            {choices.map((e) => (
                              <option key={e.id} value={e.id}>
                                {e.id === m.proposed?.faqId ? `${e.question} (${tk.missProposed})` : e.question}
                              </option>
                            ))}
                          </select>
                          <button
                            type="button"
                            class="small-btn primary"
                            data-testid="miss-learn"
                            data-faq-id={target?.id}
                            disabled={busy || !target}
                            onClick={() => target && void learn(m, target)}
                          >
                            {busy ? tk.missWorking : target ? tk.missLearn(target.question) : tk.missLearnPick}
                          </button>
                        </div>
                        <div class="kb-row-actions">
                          <button type="button" class="small-btn" data-testid="miss-create" aria-label={tk.missCreateLabel(m.question)} disabled={busy} onClick={() => onCreate(m)}>
                            {tk.missCreate}
                          </button>
                          <button
                            type="button"
                            class="small-btn ghost"
                            data-testid="miss-dismiss"
                            aria-label={tk.missDismissLabel(m.normalised)}
                            disabled={busy}
                            onClick={() => void dismiss(m)}
                          >
                            {tk.missDismiss}
                          </button>
                        </div>
                        {st?.state === 'error' && (
                          <p class="field-error" role="alert" data-testid="miss-error">
                            {st.message}
                          </p>
                        )}
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
