/**
 * An invitation or password-reset link (`/console/#invite=TOKEN`, `#reset=TOKEN`): who it is for,
 * then a "choose your password" form that uses the link up and signs the agent in.
 */
import type { AgentView } from '@parla/protocol';
import type { PasswordLinkInfo } from '@parla/protocol/admin';
import { useEffect, useState } from 'preact/hooks';
import { passwordProblem, type LinkKind } from '../admin.ts';
import { api, ApiError } from '../api.ts';
import { formatFull } from '../dates.ts';
import { adminErrorText, ta } from '../i18n-admin.ts';
import { PasswordFields, type PasswordProblem } from './PasswordFields.tsx';
import './admin.css';

type State = { state: 'checking' } | { state: 'invalid' } | { state: 'failed'; message: string } | { state: 'ready'; info: PasswordLinkInfo };

export function LinkPage({
  link,
  onSignedIn,
  onLeave,
  onPasswordSet,
}: {
  link: { kind: LinkKind; token: string | null };
  onSignedIn: (agent: AgentView) => void;
  /** To the sign-in page (or the console, when a session is still good). */
  onLeave: () => void;
  /** The password is set but the agent has two-factor on: they sign in with it and their code. */
  onPasswordSet: () => void;
}) {
  const [s, setS] = useState<State>(link.token ? { state: 'checking' } : { state: 'invalid' });
  const [attempt, setAttempt] = useState(0);
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [problem, setProblem] = useState<PasswordProblem>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!link.token) return;
    let live = true;
    setS({ state: 'checking' });
    api.inspectLink(link.token).then(
      (info) => live && setS({ state: 'ready', info }),
      (e: unknown) => {
        if (!live) return;
        // 404 invalid_link; a 400 means the token cannot be one either.
        if (e instanceof ApiError && (e.status === 404 || e.status === 400)) setS({ state: 'invalid' });
        else setS({ state: 'failed', message: adminErrorText(e) });
      },
    );
    return () => {
      live = false;
    };
  }, [link.token, attempt]);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy || !link.token) return;
    setError(null);
    const pw = passwordProblem(password, confirmation);
    setProblem(pw);
    if (pw) return;
    setBusy(true);
    try {
      const r = await api.acceptLink(link.token, password);
      if (r.totpRequired) onPasswordSet();
      else onSignedIn(r.agent);
    } catch (err) {
      setBusy(false);
      if (err instanceof ApiError && err.status === 404) setS({ state: 'invalid' });
      else setError(adminErrorText(err));
    }
  };

  const kind = s.state === 'ready' ? s.info.kind : link.kind;
  return (
    <main class="login">
      <div class="login-card wide" data-testid="link-page" data-state={s.state}>
        <div class="login-brand" aria-hidden="true">
          Parla
        </div>
        {s.state === 'checking' ? (
          <p class="muted" role="status">
            {ta.link.checking}
          </p>
        ) : s.state === 'invalid' ? (
          <>
            <h1>{ta.link.invalidTitle}</h1>
            <p class="form-error" role="alert" data-testid="link-invalid">
              {ta.link.invalid}
            </p>
            <button type="button" class="primary" data-testid="link-to-login" onClick={onLeave}>
              {ta.link.toLogin}
            </button>
          </>
        ) : s.state === 'failed' ? (
          <>
            <p class="form-error" role="alert">
              {s.message}
            </p>
            <button type="button" class="primary" onClick={() => setAttempt((n) => n + 1)}>
              {ta.link.retry}
            </button>
          </>
        ) : (
          <form onSubmit={submit} noValidate aria-labelledby="link-title" class="stack">
            <h1 id="link-title">{kind === 'invite' ? ta.link.inviteTitle : ta.link.resetTitle}</h1>
            <p class="muted" data-testid="link-intro">
              {kind === 'invite' ? ta.link.inviteIntro(s.info.name, s.info.email) : ta.link.resetIntro(s.info.name, s.info.email)}
            </p>
            {/* Lets password managers save the new password under the right account. */}
            <input type="email" autocomplete="username" value={s.info.email} readOnly hidden />
            <PasswordFields
              idBase="link"
              password={password}
              confirmation={confirmation}
              labels={{ password: ta.link.password, confirm: ta.link.confirm }}
              problem={problem}
              onPassword={setPassword}
              onConfirmation={setConfirmation}
            />
            {error && (
              <p class="form-error" role="alert" data-testid="link-error">
                {error}
              </p>
            )}
            <button type="submit" class="primary" data-testid="link-submit" disabled={busy}>
              {busy ? ta.link.submitting : ta.link.submit}
            </button>
            <p class="muted small">{ta.link.validUntil(formatFull(s.info.expiresAt))}</p>
            <button type="button" class="link" onClick={onLeave}>
              {ta.link.toLogin}
            </button>
          </form>
        )}
      </div>
    </main>
  );
}
