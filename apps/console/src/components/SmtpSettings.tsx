/** Admins: the site's SMTP server. The password is write-only: the API never returns it (only whether one is stored). */
import type { SmtpView } from '@parla/protocol';
import { useEffect, useState } from 'preact/hooks';
import { deleteSmtp, getSmtp, saveSmtp } from '../files.ts';
import { tf } from '../i18n-files.ts';
import { apiErrorText } from '../labels.ts';

export function SmtpSettings({ siteId }: { siteId: string }) {
  const ts = tf.smtp;
  const [view, setView] = useState<SmtpView | null>(null);
  const [f, setF] = useState({ host: '', port: '587', secure: false, user: '', password: '', from: '' });
  const [note, setNote] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const show = (v: SmtpView | null) => {
    setView(v);
    setF({ host: v?.host ?? '', port: String(v?.port ?? 587), secure: v?.secure ?? false, user: v?.user ?? '', password: '', from: v?.from ?? '' });
  };
  useEffect(() => {
    getSmtp(siteId).then((r) => show(r.smtp), (e: unknown) => setError(ts.failed(apiErrorText(e))));
  }, [siteId]);
  const field = (key: 'host' | 'port' | 'user' | 'from', label: string, type = 'text') => (
    <label class="field">
      <span class="label">{label}</span>
      <input type={type} value={f[key]} data-testid={`smtp-${key}`} onInput={(e) => setF({ ...f, [key]: e.currentTarget.value })} />
    </label>
  );
  return (
    <fieldset
      class="field"
      data-testid="smtp-settings"
      // Inside the settings form: Enter here must not submit the other settings.
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.target as HTMLElement).tagName === 'INPUT') e.preventDefault();
      }}
    >
      <legend>{ts.title}</legend>
      <p class="muted">{ts.hint}</p>
      {!view && <p class="muted">{ts.off}</p>}
      {field('host', ts.host)}
      {field('port', ts.port, 'number')}
      <label class="check">
        <input type="checkbox" checked={f.secure} onChange={(e) => setF({ ...f, secure: e.currentTarget.checked })} /> {ts.secure}
      </label>
      {field('user', ts.user)}
      <label class="field">
        <span class="label">{ts.password}</span>
        <input
          type="password"
          autoComplete="new-password"
          value={f.password}
          placeholder={view?.passwordSet ? ts.passwordKept : ''}
          data-testid="smtp-password"
          onInput={(e) => setF({ ...f, password: e.currentTarget.value })}
        />
      </label>
      {field('from', ts.from, 'email')}
      <div class="form-actions">
        <button
          type="button"
          class="primary"
          data-testid="smtp-save"
          onClick={() => {
            const user = f.user.trim() || null;
            saveSmtp(siteId, { host: f.host.trim(), port: Number(f.port), secure: f.secure, user, from: f.from.trim(), ...(f.password ? { password: f.password } : user ? {} : { password: null }) }).then(
              (r) => {
                show(r.smtp);
                setNote(ts.saved);
                setError(null);
              },
              (e: unknown) => setError(ts.failed(apiErrorText(e))),
            );
          }}
        >
          {ts.save}
        </button>
        {view && (
          <button
            type="button"
            onClick={() =>
              deleteSmtp(siteId).then(
                () => {
                  show(null);
                  setNote(ts.removed);
                },
                (e: unknown) => setError(ts.failed(apiErrorText(e))),
              )
            }
          >
            {ts.remove}
          </button>
        )}
      </div>
      {note && <p class="field-ok">{note}</p>}
      {error && (
        <p class="field-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
