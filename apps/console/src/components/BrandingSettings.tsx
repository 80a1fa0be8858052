/**
 * Admins: the widget's look for a site (PUT /api/sites/:siteId/branding, its own Save): brand
 * colour, launcher side, team name, greeting per language, agents' initials and the expected reply
 * time in the header, with a live preview of the launcher and the header. Empty fields keep the
 * widget's defaults (and cost the shop's pages nothing).
 */
import type { SiteBranding, SiteSettings } from '@parla/protocol';
import { inkOn } from '@parla/protocol/color';
import { useEffect, useState } from 'preact/hooks';
import { api, request } from '../api.ts';
import { tb } from '../i18n-brand.ts';
import { lang } from '../i18n.ts';
import { apiErrorText } from '../labels.ts';
import './brand.css';

const DEFAULT_COLOR = '#2563eb';
const HEX = /^#[0-9a-fA-F]{6}$/;

interface Form {
  color: string;
  position: 'left' | 'right';
  teamName: string;
  en: string;
  it: string;
  showAgents: boolean;
  showReplyTime: boolean;
}

const toForm = (b: SiteBranding | undefined): Form => ({
  color: b?.color ?? '',
  position: b?.position ?? 'right',
  teamName: b?.teamName ?? '',
  en: b?.greeting?.en ?? '',
  it: b?.greeting?.it ?? '',
  showAgents: b?.showAgents ?? false,
  showReplyTime: b?.showReplyTime ?? false,
});

/** Only what is set: a site that sets nothing stores (and sends) nothing. */
export function fromForm(f: Form): SiteBranding {
  const b: SiteBranding = {};
  if (f.color.trim()) b.color = f.color.trim().toLowerCase();
  if (f.position === 'left') b.position = 'left';
  if (f.teamName.trim()) b.teamName = f.teamName.trim();
  const greeting = { ...(f.en.trim() ? { en: f.en.trim() } : {}), ...(f.it.trim() ? { it: f.it.trim() } : {}) };
  if (greeting.en || greeting.it) b.greeting = greeting;
  if (f.showAgents) b.showAgents = true;
  if (f.showReplyTime) b.showReplyTime = true;
  return b;
}

export function BrandingSettings({ siteId }: { siteId: string }) {
  const [f, setF] = useState<Form | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.settings(siteId).then(
      (s: SiteSettings) => setF(toForm(s.branding)),
      (e: unknown) => setError(tb.failed(apiErrorText(e))),
    );
  }, [siteId]);
  if (!f) return error ? <p class="form-error" role="alert">{error}</p> : null;
  const set = (patch: Partial<Form>) => {
    setF({ ...f, ...patch });
    setNote(null);
  };
  const badColor = f.color.trim() !== '' && !HEX.test(f.color.trim());
  const color = !badColor && f.color.trim() ? f.color.trim().toLowerCase() : DEFAULT_COLOR;
  const ink = inkOn(color);
  const save = () => {
    if (badColor) return setError(tb.badColor);
    request<SiteBranding>('PUT', `/api/sites/${encodeURIComponent(siteId)}/branding`, fromForm(f)).then(
      (b) => {
        setF(toForm(b));
        setNote(tb.saved);
        setError(null);
      },
      (e: unknown) => setError(tb.failed(apiErrorText(e))),
    );
  };
  const text = (key: 'teamName' | 'en' | 'it', label: string, max: number) => (
    <div class="field">
      <label for={`brand-${key}`}>{label}</label>
      <input id={`brand-${key}`} class="text-input" data-testid={`brand-${key}`} maxLength={max} value={f[key]} onInput={(e) => set({ [key]: e.currentTarget.value })} />
    </div>
  );
  return (
    <section class="card" aria-labelledby="set-branding" data-testid="branding-settings">
      <h2 id="set-branding">{tb.title}</h2>
      <p class="muted">{tb.hint}</p>
      <div class="field-row">
        <div class="field">
          <label for="brand-color-hex">{tb.colorHex}</label>
          <input
            id="brand-color-hex"
            class={`text-input${badColor ? ' invalid' : ''}`}
            data-testid="brand-color"
            placeholder={DEFAULT_COLOR}
            maxLength={7}
            value={f.color}
            aria-invalid={badColor || undefined}
            aria-describedby={badColor ? 'brand-color-error' : undefined}
            onInput={(e) => set({ color: e.currentTarget.value })}
          />
          {badColor && (
            <p class="field-error" id="brand-color-error">
              {tb.badColor}
            </p>
          )}
        </div>
        <div class="field">
          <label for="brand-color-pick">{tb.color}</label>
          <input id="brand-color-pick" type="color" value={color} onInput={(e) => set({ color: e.currentTarget.value })} />
        </div>
        <div class="field">
          <label for="brand-position">{tb.position}</label>
          <select id="brand-position" data-testid="brand-position" value={f.position} onChange={(e) => set({ position: e.currentTarget.value === 'left' ? 'left' : 'right' })}>
            <option value="right">{tb.right}</option>
            <option value="left">{tb.left}</option>
          </select>
        </div>
      </div>
      {text('teamName', tb.team, 40)}
      {text('en', tb.greetingEn, 200)}
      {text('it', tb.greetingIt, 200)}
      <label class="check">
        <input type="checkbox" data-testid="brand-agents" checked={f.showAgents} onChange={(e) => set({ showAgents: e.currentTarget.checked })} /> {tb.showAgents}
      </label>
      <label class="check">
        <input type="checkbox" data-testid="brand-reply" checked={f.showReplyTime} onChange={(e) => set({ showReplyTime: e.currentTarget.checked })} /> {tb.showReplyTime}
      </label>

      <h3>{tb.preview}</h3>
      <div class={`brand-preview ${f.position}`} data-testid="brand-preview">
        <div class="brand-panel">
          <div class="brand-head" style={{ background: color, color: ink }} data-testid="brand-preview-head">
            {f.showAgents && (
              <span class="brand-faces" aria-hidden="true">
                <i style={{ borderColor: color }}>GR</i>
                <i style={{ borderColor: color }}>MB</i>
              </span>
            )}
            <span>
              <strong>{f.teamName.trim() || tb.sampleTeam}</strong>
              <small>{f.showReplyTime ? tb.sampleReply : tb.sampleOnline}</small>
            </span>
          </div>
          <p class="brand-greeting">{(lang === 'it' ? f.it : f.en).trim() || tb.sampleGreeting}</p>
        </div>
        <span class="brand-launcher" role="img" aria-label={tb.previewLauncher} style={{ background: color, color: ink }}>
          <svg viewBox="0 0 24 24" aria-hidden="true">
            <path d="M6 4h12a2 2 0 0 1 2 2v9a2 2 0 0 1-2 2H9l-5 4V6a2 2 0 0 1 2-2z" />
          </svg>
        </span>
      </div>

      <div class="form-actions">
        <button type="button" class="primary" data-testid="brand-save" onClick={save}>
          {tb.save}
        </button>
      </div>
      {note && (
        <p class="muted" role="status">
          {note}
        </p>
      )}
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
