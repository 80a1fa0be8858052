/** Admins: the site's two rules that resolve abandoned conversations (minutes), saved on their own (PATCH). */
import type { SiteSettings } from '@parla/protocol';
import { useEffect, useState } from 'preact/hooks';
import { api, request } from '../api.ts';
import { ta } from '../i18n-abandoned.ts';
import { DEFAULT_ABANDONED_RESOLVE_MIN, DEFAULT_INACTIVITY_RESOLVE_MIN } from '../capacity.ts';
import { apiErrorText } from '../labels.ts';

const MAX_MIN = 7 * 1440;
const parse = (v: string): number | null => {
  const n = Number(v.trim());
  return v.trim() !== '' && Number.isFinite(n) && n >= 0 && n <= MAX_MIN ? n : null;
};

/** `onSaved`: the stored settings after the save, so the other sections' forms start from them (not from a copy that would put the old minutes back). */
export function InactivitySettings({ siteId, onSaved }: { siteId: string; onSaved?: (s: SiteSettings) => void }) {
  const [f, setF] = useState<{ inactivity: string; abandoned: string } | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const show = (s: SiteSettings) =>
    setF({ inactivity: String(s.inactivityResolveMin ?? DEFAULT_INACTIVITY_RESOLVE_MIN), abandoned: String(s.abandonedResolveMin ?? DEFAULT_ABANDONED_RESOLVE_MIN) });
  useEffect(() => {
    api.settings(siteId).then(show, (e: unknown) => setError(ta.settings.failed(apiErrorText(e))));
  }, [siteId]);
  const save = () => {
    if (!f) return;
    const inactivityResolveMin = parse(f.inactivity);
    const abandonedResolveMin = parse(f.abandoned);
    if (inactivityResolveMin === null || abandonedResolveMin === null) {
      setNote(null);
      setError(ta.settings.invalid);
      return;
    }
    request<SiteSettings>('PATCH', `/api/sites/${encodeURIComponent(siteId)}/settings`, { inactivityResolveMin, abandonedResolveMin }).then(
      (s) => {
        show(s);
        onSaved?.(s);
        setError(null);
        setNote(ta.settings.saved);
      },
      (e: unknown) => setError(ta.settings.failed(apiErrorText(e))),
    );
  };
  const field = (key: 'inactivity' | 'abandoned', label: string) => (
    <div class="field">
      <label for={`auto-${key}`}>{label}</label>
      <input
        id={`auto-${key}`}
        class={`text-input num-input${error && f && parse(f[key]) === null ? ' invalid' : ''}`}
        type="number"
        min={0}
        max={MAX_MIN}
        step="any"
        inputMode="decimal"
        value={f?.[key] ?? ''}
        data-testid={`auto-${key}`}
        onInput={(e) => {
          const v = e.currentTarget.value;
          setF((old) => (old ? { ...old, [key]: v } : old));
          setNote(null);
        }}
      />
    </div>
  );
  return (
    <section class="card" aria-labelledby="set-abandoned" data-testid="inactivity-settings">
      <h2 id="set-abandoned">{ta.settings.title}</h2>
      <p class="hint">{ta.settings.hint}</p>
      {/* Inside the settings form: Enter here saves this section only. */}
      <div
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.target as HTMLElement).tagName === 'INPUT') {
            e.preventDefault();
            save();
          }
        }}
      >
        {field('inactivity', ta.settings.inactivity)}
        {field('abandoned', ta.settings.abandoned)}
        <p class="hint">{ta.settings.abandonedNote}</p>
      </div>
      <div class="form-actions">
        <button type="button" class="primary" data-testid="auto-save" disabled={!f} onClick={save}>
          {ta.settings.save}
        </button>
        <span role="status" class="muted">
          {note}
        </span>
      </div>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
