/**
 * The first-run page: an install with no admin yet shows it instead of the sign-in form. The
 * setup code comes from the server's log, so only who runs the server can create the first admin.
 */
import type { AgentView } from '@parla/protocol';
import { useRef, useState } from 'preact/hooks';
import { passwordProblem } from '../admin.ts';
import { api, ApiError } from '../api.ts';
import { adminErrorText, ta } from '../i18n-admin.ts';
import { PasswordFields, type PasswordProblem } from './PasswordFields.tsx';
import './admin.css';

export function Setup({ onSignedIn, onAlreadySetUp }: { onSignedIn: (agent: AgentView) => void; onAlreadySetUp: (notice: string) => void }) {
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [problem, setProblem] = useState<PasswordProblem>(null);
  const [error, setError] = useState<{ field: 'code' | 'name' | 'email' | 'form'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const codeRef = useRef<HTMLInputElement>(null);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    setError(null);
    if (!code.trim()) return setError({ field: 'code', text: ta.setup.invalidCode });
    if (!name.trim() || name.trim().length > 80) return setError({ field: 'name', text: ta.team.nameNeeded });
    if (!/^[^\s@]+@[^\s@]+$/.test(email.trim())) return setError({ field: 'email', text: ta.team.emailInvalid });
    const pw = passwordProblem(password, confirmation);
    setProblem(pw);
    if (pw) return;
    setBusy(true);
    try {
      const r = await api.setup({ code: code.trim(), name: name.trim(), email: email.trim(), password });
      onSignedIn(r.agent);
    } catch (err) {
      setBusy(false);
      if (err instanceof ApiError && err.code === 'setup_done') return onAlreadySetUp(ta.setup.done);
      if (err instanceof ApiError && err.code === 'invalid_setup_code') {
        setError({ field: 'code', text: ta.setup.invalidCode });
        codeRef.current?.focus();
        return;
      }
      setError({ field: 'form', text: adminErrorText(err) });
    }
  };

  const fieldError = (f: 'code' | 'name' | 'email') =>
    error?.field === f ? (
      <p class="field-error" role="alert" id={`setup-${f}-error`} data-testid="setup-error">
        {error.text}
      </p>
    ) : null;

  return (
    <main class="login">
      <form class="login-card wide" onSubmit={submit} noValidate aria-labelledby="setup-title" data-testid="setup-form">
        <div class="login-brand" aria-hidden="true">
          Parla
        </div>
        <h1 id="setup-title">{ta.setup.title}</h1>
        <p class="muted">{ta.setup.subtitle}</p>
        <p class="setup-where">{ta.setup.where}</p>
        <p class="setup-cli">
          {ta.setup.cli} <code class="mono">pnpm parla admin create</code>
        </p>

        <label for="setup-code">{ta.setup.code}</label>
        <input
          id="setup-code"
          data-testid="setup-code"
          ref={codeRef}
          class="mono"
          autocomplete="off"
          autocapitalize="characters"
          spellcheck={false}
          autofocus
          placeholder="XXXX-XXXX-XXXX-XXXX"
          aria-describedby="setup-code-hint"
          aria-invalid={error?.field === 'code' || undefined}
          value={code}
          onInput={(e) => setCode(e.currentTarget.value)}
        />
        <p class="hint" id="setup-code-hint">
          {ta.setup.codeHint}
        </p>
        {fieldError('code')}

        <label for="setup-name">{ta.setup.name}</label>
        <input
          id="setup-name"
          data-testid="setup-name"
          autocomplete="name"
          maxLength={80}
          aria-invalid={error?.field === 'name' || undefined}
          value={name}
          onInput={(e) => setName(e.currentTarget.value)}
        />
        {fieldError('name')}

        <label for="setup-email">{ta.setup.email}</label>
        <input
          id="setup-email"
          data-testid="setup-email"
          type="email"
          autocomplete="username"
          aria-invalid={error?.field === 'email' || undefined}
          value={email}
          onInput={(e) => setEmail(e.currentTarget.value)}
        />
        {fieldError('email')}

        <PasswordFields
          idBase="setup"
          password={password}
          confirmation={confirmation}
          labels={{ password: ta.setup.password, confirm: ta.setup.confirm }}
          problem={problem}
          onPassword={setPassword}
          onConfirmation={setConfirmation}
        />

        {error?.field === 'form' && (
          <p class="form-error" role="alert" data-testid="setup-error">
            {error.text}
          </p>
        )}
        <button type="submit" class="primary" data-testid="setup-submit" disabled={busy}>
          {busy ? ta.setup.submitting : ta.setup.submit}
        </button>
      </form>
    </main>
  );
}
