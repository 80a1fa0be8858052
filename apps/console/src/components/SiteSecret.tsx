/** Admins: the site's identity-verification secret, shown on request, and its rotation. */
import { useState } from 'preact/hooks';
import { api } from '../api.ts';
import { tsec } from '../i18n-security.ts';
import { apiErrorText } from '../labels.ts';

export function SiteSecret({ siteId }: { siteId: string }) {
  const [secret, setSecret] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = (p: Promise<{ secret: string }>, done: string | null) =>
    p.then(
      (r) => {
        setSecret(r.secret);
        setNote(done);
        setError(null);
      },
      (e: unknown) => setError(tsec.failed(apiErrorText(e))),
    );
  return (
    <div class="field" data-testid="site-secret">
      <span class="label">{tsec.secret}</span>
      {secret !== null && <code data-testid="site-secret-value">{secret}</code>}
      <div class="form-actions">
        <button type="button" data-testid="site-secret-toggle" onClick={() => (secret === null ? void run(api.siteSecret(siteId), null) : setSecret(null))}>
          {secret === null ? tsec.show : tsec.hide}
        </button>
        <button
          type="button"
          data-testid="site-secret-rotate"
          onClick={() => {
            if (window.confirm(tsec.confirmRotate)) void run(api.rotateSiteSecret(siteId), tsec.rotated);
          }}
        >
          {tsec.rotate}
        </button>
      </div>
      {note && <p class="field-ok">{note}</p>}
      {error && (
        <p class="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
