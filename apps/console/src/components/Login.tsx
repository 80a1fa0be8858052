import type { AgentView } from '@parla/protocol';
import { useRef, useState } from 'preact/hooks';
import { api, ApiError } from '../api.ts';
import { errorText, t } from '../i18n.ts';
import { t2 } from '../i18n-2fa.ts';

export function Login({ onLoggedIn, notice }: { onLoggedIn: (agent: AgentView) => void; notice?: string }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  /** The account has two-factor on: the code is asked after the right password. */
  const [needCode, setNeedCode] = useState(false);
  const [code, setCode] = useState('');
  const codeRef = useRef<HTMLInputElement>(null);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const r = await api.login({ email: email.trim(), password, ...(needCode && code.trim() ? { totp: code.trim() } : {}) });
      onLoggedIn(r.agent);
    } catch (err) {
      setBusy(false);
      if (err instanceof ApiError && err.code === 'totp_required') {
        // The password was right: keep it, ask for the code.
        setNeedCode(true);
        setTimeout(() => codeRef.current?.focus(), 0);
        return;
      }
      if (needCode && err instanceof ApiError && err.status === 401) {
        setError(t2.login.wrong);
        setCode('');
        codeRef.current?.focus();
        return;
      }
      if (err instanceof ApiError && err.code !== 'network') setError(errorText(err.code, err.message));
      else setError(t.login.network);
      setPassword('');
      setNeedCode(false);
      passwordRef.current?.focus();
    }
  };

  return (
    <main class="login">
      <form class="login-card" onSubmit={submit} aria-labelledby="login-title" aria-describedby={error ? 'login-error' : undefined}>
        <div class="login-brand" aria-hidden="true">
          Parla
        </div>
        <h1 id="login-title">{t.login.title}</h1>
        <p class="muted">{t.login.subtitle}</p>
        {notice && !error && (
          <p class="login-notice" role="status">
            {notice}
          </p>
        )}
        <label for="login-email">{t.login.email}</label>
        <input
          id="login-email"
          data-testid="login-email"
          type="email"
          name="email"
          autocomplete="username"
          required
          autofocus
          value={email}
          onInput={(e) => setEmail(e.currentTarget.value)}
        />
        <label for="login-password">{t.login.password}</label>
        <input
          id="login-password"
          data-testid="login-password"
          type="password"
          name="password"
          autocomplete="current-password"
          required
          ref={passwordRef}
          value={password}
          onInput={(e) => setPassword(e.currentTarget.value)}
        />
        {needCode && (
          <>
            <label for="login-code">{t2.login.code}</label>
            <input
              id="login-code"
              data-testid="login-code"
              name="totp"
              autocomplete="one-time-code"
              inputMode="text"
              required
              aria-describedby="login-code-hint"
              ref={codeRef}
              value={code}
              onInput={(e) => setCode(e.currentTarget.value)}
            />
            <p id="login-code-hint" class="muted small">
              {t2.login.codeHint}
            </p>
          </>
        )}
        {error && (
          <p id="login-error" class="form-error" role="alert" data-testid="login-error">
            {error}
          </p>
        )}
        <button type="submit" class="primary" data-testid="login-submit" disabled={busy}>
          {busy ? t.login.submitting : t.login.submit}
        </button>
        <p class="login-forgot muted small">{t.login.forgot}</p>
      </form>
    </main>
  );
}
