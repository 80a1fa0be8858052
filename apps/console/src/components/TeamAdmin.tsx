/**
 * The admin parts of the agents page: the "Add agent" form, the per-agent panel (edit, deactivate,
 * a new invitation or reset link) and the panel that shows a link once.
 */
import type { AgentStatus, Department } from '@parla/protocol';
import type { AgentCreated, PasswordLink } from '@parla/protocol/admin';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { departmentsBySite, parseCapacity } from '../admin.ts';
import { api, ApiError, type Site } from '../api.ts';
import { formatFull } from '../dates.ts';
import { adminErrorText, ta } from '../i18n-admin.ts';
import { t2 } from '../i18n-2fa.ts';
import { t } from '../i18n.ts';
import { CopyField } from './CopyField.tsx';
import './admin.css';

export type Panel = { kind: 'edit' } | { kind: 'deactivate' } | { kind: 'totp' } | { kind: 'link'; seq: number };

const EMAIL = /^[^\s@]+@[^\s@]+$/;

function errorOf(e: unknown, onUnauthorized: () => void): string {
  if (e instanceof ApiError && e.status === 401) onUnauthorized();
  return adminErrorText(e);
}

/** Active, invited or deactivated, each its own colour, with what it means as a tooltip. */
export function StatusTag({ status }: { status: AgentStatus['status'] }) {
  return (
    <span class={`status-tag status-${status}`} data-testid="agent-status" data-status={status} title={ta.team.statusHint[status]}>
      {ta.team.status[status]}
    </span>
  );
}

// ---- add an agent ---------------------------------------------------------------------------

export function AddAgent({
  sites,
  departments,
  onCancel,
  onCreated,
  onUnauthorized,
}: {
  sites: Site[] | null;
  departments: Department[] | null;
  onCancel: () => void;
  onCreated: (r: AgentCreated) => void;
  onUnauthorized: () => void;
}) {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<'agent' | 'admin'>('agent');
  const [capacity, setCapacity] = useState('5');
  const [departmentIds, setDepartmentIds] = useState<string[]>([]);
  const [error, setError] = useState<{ field: 'name' | 'email' | 'capacity' | 'form'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);
  const groups = departmentsBySite(sites, departments ?? []);

  useEffect(() => nameRef.current?.focus(), []);

  const submit = (e: Event) => {
    e.preventDefault();
    if (busy) return;
    setError(null);
    const n = name.trim();
    if (!n || n.length > 80) return setError({ field: 'name', text: ta.team.nameNeeded });
    if (!EMAIL.test(email.trim())) return setError({ field: 'email', text: ta.team.emailInvalid });
    const maxChats = parseCapacity(capacity);
    if (maxChats === null) return setError({ field: 'capacity', text: ta.team.capacityInvalid });
    setBusy(true);
    api.createAgent({ name: n, email: email.trim(), role, maxChats, departmentIds }).then(
      (r) => onCreated(r),
      (err: unknown) => {
        setBusy(false);
        const text = errorOf(err, onUnauthorized);
        setError({ field: err instanceof ApiError && err.code === 'email_taken' ? 'email' : 'form', text });
      },
    );
  };

  const fieldError = (f: 'name' | 'email' | 'capacity') =>
    error?.field === f ? (
      <p class="field-error" role="alert" data-testid="agent-new-error">
        {error.text}
      </p>
    ) : null;

  return (
    <section class="card agent-new" aria-labelledby="agent-new-title">
      <h2 id="agent-new-title">{ta.team.addTitle}</h2>
      <p class="hint">{ta.team.addIntro}</p>
      <form onSubmit={submit} noValidate data-testid="agent-new">
        <div class="field-row">
          <div class="field grow">
            <label for="agent-new-name">{ta.team.name}</label>
            <input
              id="agent-new-name"
              ref={nameRef}
              class="text-input"
              data-testid="agent-new-name"
              autocomplete="off"
              maxLength={80}
              aria-invalid={error?.field === 'name' || undefined}
              value={name}
              onInput={(e) => setName(e.currentTarget.value)}
            />
            {fieldError('name')}
          </div>
          <div class="field grow">
            <label for="agent-new-email">{ta.team.email}</label>
            <input
              id="agent-new-email"
              type="email"
              class="text-input"
              data-testid="agent-new-email"
              autocomplete="off"
              aria-invalid={error?.field === 'email' || undefined}
              value={email}
              onInput={(e) => setEmail(e.currentTarget.value)}
            />
            {fieldError('email')}
          </div>
        </div>
        <div class="field-row">
          <div class="field">
            <label for="agent-new-role">{ta.team.role}</label>
            <select id="agent-new-role" data-testid="agent-new-role" value={role} onChange={(e) => setRole(e.currentTarget.value === 'admin' ? 'admin' : 'agent')}>
              <option value="agent">{ta.team.roles.agent}</option>
              <option value="admin">{ta.team.roles.admin}</option>
            </select>
          </div>
          <div class="field">
            <label for="agent-new-capacity">{ta.team.capacity}</label>
            <input
              id="agent-new-capacity"
              type="number"
              min={1}
              max={50}
              step={1}
              inputMode="numeric"
              class="text-input num-input"
              data-testid="agent-new-capacity"
              aria-invalid={error?.field === 'capacity' || undefined}
              value={capacity}
              onInput={(e) => setCapacity(e.currentTarget.value)}
            />
            {fieldError('capacity')}
          </div>
        </div>
        <div class="field">
          <span class="label" id="agent-new-departments">
            {ta.team.departments}
          </span>
          {groups.length === 0 ? (
            <p class="muted small">{ta.team.noDepartments}</p>
          ) : (
            <div role="group" aria-labelledby="agent-new-departments">
              {groups.map((g) => (
                <fieldset key={g.site.id} class="site-departments">
                  <legend>{g.site.name}</legend>
                  <div class="checks">
                    {g.departments.map((d) => (
                      <label key={d.id} class="check">
                        <input
                          type="checkbox"
                          data-testid="agent-new-department"
                          data-department-id={d.id}
                          checked={departmentIds.includes(d.id)}
                          onChange={(e) =>
                            setDepartmentIds((ids) => (e.currentTarget.checked ? [...ids, d.id] : ids.filter((x) => x !== d.id)))
                          }
                        />
                        {d.name}
                      </label>
                    ))}
                  </div>
                </fieldset>
              ))}
            </div>
          )}
        </div>
        {error?.field === 'form' && (
          <p class="form-error" role="alert" data-testid="agent-new-error">
            {error.text}
          </p>
        )}
        <div class="form-actions">
          <button type="submit" class="primary" data-testid="agent-new-submit" disabled={busy}>
            {busy ? ta.team.creating : ta.team.create}
          </button>
          <button type="button" onClick={onCancel}>
            {ta.team.cancel}
          </button>
        </div>
      </form>
    </section>
  );
}

// ---- the link, shown once ---------------------------------------------------------------------

export function LinkPanel({ name, email, link, onDone }: { name: string; email: string; link: PasswordLink; onDone?: () => void }) {
  const ref = useRef<HTMLElement>(null);
  const titleId = useId();
  useEffect(() => ref.current?.querySelector<HTMLElement>('h3')?.focus(), [link]);
  return (
    <section class="card link-panel" ref={ref} aria-labelledby={titleId} data-testid="link-panel" data-emailed={String(link.emailed)}>
      <h3 id={titleId} tabIndex={-1}>
        {link.kind === 'invite' ? ta.team.inviteFor(name) : ta.team.resetFor(name)}
      </h3>
      {link.emailed ? (
        <p class="field-ok" role="status" data-testid="link-emailed">
          {ta.team.emailed(email)}
        </p>
      ) : (
        <>
          {link.emailError && (
            <p class="field-error" data-testid="link-email-error">
              {ta.team.emailFailed(link.emailError)}
            </p>
          )}
          <p class="link-pass-on">{ta.team.passOn(name)}</p>
          {link.url && <CopyField value={link.url} label={ta.team.linkLabel(name)} testId="link-url" />}
        </>
      )}
      <p class="muted small">{ta.team.validUntil(formatFull(link.expiresAt))}</p>
      {onDone && (
        <div class="form-actions">
          <button type="button" data-testid="link-done" onClick={onDone}>
            {ta.team.done}
          </button>
        </div>
      )}
    </section>
  );
}

// ---- per agent ------------------------------------------------------------------------------

export function AgentPanel({
  panel,
  agent,
  isMe,
  onPanel,
  onSaved,
  onUnauthorized,
}: {
  panel: Panel;
  agent: AgentStatus;
  isMe: boolean;
  onPanel: (p: Panel | null) => void;
  onSaved: (a: AgentStatus) => void;
  onUnauthorized: () => void;
}) {
  if (panel.kind === 'edit') return <EditAgent key="edit" agent={agent} isMe={isMe} onClose={() => onPanel(null)} onSaved={onSaved} onUnauthorized={onUnauthorized} />;
  if (panel.kind === 'deactivate')
    return <Deactivate key="deactivate" agent={agent} isMe={isMe} onClose={() => onPanel(null)} onSaved={onSaved} onUnauthorized={onUnauthorized} />;
  if (panel.kind === 'totp') return <ResetTotp key="totp" agent={agent} onClose={() => onPanel(null)} onSaved={onSaved} onUnauthorized={onUnauthorized} />;
  return <IssueLink key={`link-${panel.seq}`} agent={agent} onClose={() => onPanel(null)} onUnauthorized={onUnauthorized} />;
}

function EditAgent({
  agent,
  isMe,
  onClose,
  onSaved,
  onUnauthorized,
}: {
  agent: AgentStatus;
  isMe: boolean;
  onClose: () => void;
  onSaved: (a: AgentStatus) => void;
  onUnauthorized: () => void;
}) {
  const [name, setName] = useState(agent.name);
  const [email, setEmail] = useState(agent.email);
  const [role, setRole] = useState(agent.role);
  const [error, setError] = useState<{ field: 'name' | 'email' | 'role' | 'form'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const ref = useRef<HTMLInputElement>(null);
  const id = `agent-${agent.id}-edit`;

  useEffect(() => ref.current?.focus(), []);

  const submit = (e: Event) => {
    e.preventDefault();
    if (busy) return;
    setError(null);
    const n = name.trim();
    const m = email.trim();
    if (!n || n.length > 80) return setError({ field: 'name', text: ta.team.nameNeeded });
    if (!EMAIL.test(m)) return setError({ field: 'email', text: ta.team.emailInvalid });
    const body: { name?: string; email?: string; role?: 'agent' | 'admin' } = {};
    if (n !== agent.name) body.name = n;
    if (m.toLowerCase() !== agent.email.toLowerCase()) body.email = m;
    if (role !== agent.role) body.role = role;
    if (Object.keys(body).length === 0) return onClose();
    setBusy(true);
    api.updateAgent(agent.id, body).then(
      (a) => {
        onSaved(a);
        // An admin who made themselves an agent: the console reloads with what they may do now.
        if (isMe && body.role) location.reload();
        else onClose();
      },
      (err: unknown) => {
        setBusy(false);
        const code = err instanceof ApiError ? err.code : '';
        setError({ field: code === 'email_taken' ? 'email' : code === 'last_admin' ? 'role' : 'form', text: errorOf(err, onUnauthorized) });
      },
    );
  };

  const fieldError = (f: 'name' | 'email' | 'role') =>
    error?.field === f ? (
      <p class="field-error" role="alert" data-testid="agent-edit-error">
        {error.text}
      </p>
    ) : null;

  return (
    <form class="agent-panel" onSubmit={submit} noValidate data-testid="agent-edit-form" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{ta.team.editTitle(agent.name)}</h3>
      <div class="field-row">
        <div class="field grow">
          <label for={`${id}-name`}>{ta.team.name}</label>
          <input
            id={`${id}-name`}
            ref={ref}
            class="text-input"
            data-testid="agent-edit-name"
            maxLength={80}
            aria-invalid={error?.field === 'name' || undefined}
            value={name}
            onInput={(e) => setName(e.currentTarget.value)}
          />
          {fieldError('name')}
        </div>
        <div class="field grow">
          <label for={`${id}-email`}>{ta.team.email}</label>
          <input
            id={`${id}-email`}
            type="email"
            class="text-input"
            data-testid="agent-edit-email"
            aria-invalid={error?.field === 'email' || undefined}
            value={email}
            onInput={(e) => setEmail(e.currentTarget.value)}
          />
          {fieldError('email')}
        </div>
        <div class="field">
          <label for={`${id}-role`}>{ta.team.role}</label>
          <select
            id={`${id}-role`}
            data-testid="agent-edit-role"
            aria-invalid={error?.field === 'role' || undefined}
            value={role}
            onChange={(e) => setRole(e.currentTarget.value === 'admin' ? 'admin' : 'agent')}
          >
            <option value="agent">{ta.team.roles.agent}</option>
            <option value="admin">{ta.team.roles.admin}</option>
          </select>
          {fieldError('role')}
        </div>
      </div>
      {error?.field === 'form' && (
        <p class="form-error" role="alert" data-testid="agent-edit-error">
          {error.text}
        </p>
      )}
      <div class="form-actions">
        <button type="submit" class="primary" data-testid="agent-edit-save" disabled={busy}>
          {busy ? ta.team.saving : ta.team.save}
        </button>
        <button type="button" onClick={onClose}>
          {ta.team.cancel}
        </button>
      </div>
    </form>
  );
}

function Deactivate({
  agent,
  isMe,
  onClose,
  onSaved,
  onUnauthorized,
}: {
  agent: AgentStatus;
  isMe: boolean;
  onClose: () => void;
  onSaved: (a: AgentStatus) => void;
  onUnauthorized: () => void;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ref = useRef<HTMLButtonElement>(null);
  useEffect(() => ref.current?.focus(), []);
  const id = `agent-${agent.id}-deactivate`;

  const confirm = () => {
    setBusy(true);
    setError(null);
    api.deactivateAgent(agent.id).then(
      (a) => onSaved(a), // the row moves to the deactivated list; this panel goes with it
      (err: unknown) => {
        setBusy(false);
        setError(errorOf(err, onUnauthorized));
      },
    );
  };

  return (
    <div class="agent-panel" role="group" aria-labelledby={`${id}-text`} data-testid="agent-deactivate-panel">
      <p id={`${id}-text`}>{isMe ? ta.team.confirmDeactivateSelf : ta.team.confirmDeactivate(agent.name)}</p>
      <div class="form-actions">
        <button type="button" class="danger" ref={ref} data-testid="agent-deactivate-confirm" disabled={busy} onClick={confirm}>
          {ta.team.confirm}
        </button>
        <button type="button" onClick={onClose}>
          {ta.team.cancel}
        </button>
      </div>
      {error && (
        <p class="field-error" role="alert" data-testid="agent-deactivate-error">
          {error}
        </p>
      )}
    </div>
  );
}

/** Two-factor off for an agent who lost their phone (confirmed first). */
function ResetTotp({ agent, onClose, onSaved, onUnauthorized }: { agent: AgentStatus; onClose: () => void; onSaved: (a: AgentStatus) => void; onUnauthorized: () => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ref = useRef<HTMLButtonElement>(null);
  useEffect(() => ref.current?.focus(), []);
  const id = `agent-${agent.id}-totp`;
  const confirm = () => {
    setBusy(true);
    setError(null);
    api.resetAgentTotp(agent.id).then(
      (a) => {
        onSaved(a);
        onClose();
      },
      (err: unknown) => {
        setBusy(false);
        setError(errorOf(err, onUnauthorized));
      },
    );
  };
  return (
    <div class="agent-panel" role="group" aria-labelledby={`${id}-text`} data-testid="agent-totp-panel">
      <p id={`${id}-text`}>{t2.team.confirmReset(agent.name)}</p>
      <div class="form-actions">
        <button type="button" class="danger" ref={ref} data-testid="agent-totp-confirm" disabled={busy} onClick={confirm}>
          {ta.team.confirm}
        </button>
        <button type="button" onClick={onClose}>
          {ta.team.cancel}
        </button>
      </div>
      {error && (
        <p class="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

function IssueLink({ agent, onClose, onUnauthorized }: { agent: AgentStatus; onClose: () => void; onUnauthorized: () => void }) {
  const [link, setLink] = useState<PasswordLink | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    api.passwordLink(agent.id).then(
      (l) => live && setLink(l),
      (err: unknown) => live && setError(errorOf(err, onUnauthorized)),
    );
    return () => {
      live = false;
    };
  }, []);
  return (
    <div class="agent-panel">
      {link ? (
        <LinkPanel name={agent.name} email={agent.email} link={link} onDone={onClose} />
      ) : error ? (
        <>
          <p class="field-error" role="alert" data-testid="agent-link-error">
            {error}
          </p>
          <button type="button" onClick={onClose}>
            {ta.team.done}
          </button>
        </>
      ) : (
        <p class="muted" role="status">
          {t.loading}
        </p>
      )}
    </div>
  );
}
