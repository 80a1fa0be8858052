import type { AgentStatus, AgentView, Department } from '@parla/protocol';
import type { PasswordLink } from '@parla/protocol/admin';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { splitAgents } from '../admin.ts';
import { api, ApiError, type Site } from '../api.ts';
import { formatTime } from '../dates.ts';
import { adminErrorText, ta } from '../i18n-admin.ts';
import { t } from '../i18n.ts';
import { apiErrorText, presenceText } from '../labels.ts';
import { AddAgent, AgentPanel, LinkPanel, StatusTag, type Panel } from './TeamAdmin.tsx';
import { t2 } from '../i18n-2fa.ts';

interface Props {
  me: AgentView;
  agents: AgentStatus[] | null;
  error: string | null;
  updatedAt: number | null;
  sites: Site[] | null;
  departments: Department[] | null;
  departmentNames: Record<string, string>;
  /** The server's answer to a PATCH (the list and the departments follow it). */
  onSaved: (a: AgentStatus) => void;
  onRetry: () => void;
  onUnauthorized: () => void;
}

export const MAX_CHATS_LIMIT = 50;

/**
 * Every agent with presence, load and capacity; admins edit capacity and departments inline, add
 * agents (with an invitation link), edit, deactivate and reactivate them and issue password links.
 * Deactivated agents are listed apart.
 */
export function Agents(p: Props) {
  const admin = p.me.role === 'admin';
  const lists = useMemo(() => (p.agents ? splitAgents(p.agents) : null), [p.agents]);
  const [adding, setAdding] = useState(false);
  const [issued, setIssued] = useState<{ agent: AgentStatus; link: PasswordLink } | null>(null);
  const cols = admin ? 5 : 4;
  return (
    <main class="page-view" aria-labelledby="agents-title" data-testid="agents-view">
      <div class="view-head">
        <h1 id="agents-title">{t.agents.title}</h1>
        <div class="view-head-side">
          {p.updatedAt !== null && <p class="muted small">{t.agents.refreshed(formatTime(p.updatedAt))}</p>}
          {admin && !adding && (
            <button
              type="button"
              class="primary"
              data-testid="agent-add"
              onClick={() => {
                setIssued(null);
                setAdding(true);
              }}
            >
              {ta.team.add}
            </button>
          )}
        </div>
      </div>
      {admin && adding && (
        <AddAgent
          sites={p.sites}
          departments={p.departments}
          onCancel={() => setAdding(false)}
          onCreated={(r) => {
            setAdding(false);
            setIssued(r);
            p.onSaved(r.agent);
          }}
          onUnauthorized={p.onUnauthorized}
        />
      )}
      {issued && <LinkPanel name={issued.agent.name} email={issued.agent.email} link={issued.link} onDone={() => setIssued(null)} />}
      {p.error && (
        <p class="form-error" role="alert">
          {p.agents ? p.error : `${t.agents.error} ${p.error}`}{' '}
          <button type="button" class="link" onClick={p.onRetry}>
            {t.agents.retry}
          </button>
        </p>
      )}
      {!lists ? (
        !p.error && <p class="muted">{t.loading}</p>
      ) : lists.team.length === 0 ? (
        <p class="muted">{t.agents.empty}</p>
      ) : (
        <div class="table-wrap">
          <table class="report-table agents-table">
            <thead>
              <tr>
                <th scope="col">{t.agents.name}</th>
                <th scope="col">{t.agents.presence}</th>
                <th scope="col">{t.agents.load}</th>
                <th scope="col">{t.agents.departments}</th>
                {admin && <th scope="col">{ta.team.actions}</th>}
              </tr>
            </thead>
            <tbody>
              {lists.team.map((a) => (
                <AgentRow
                  key={a.id}
                  a={a}
                  isMe={a.id === p.me.id}
                  admin={admin}
                  cols={cols}
                  sites={p.sites}
                  departments={p.departments}
                  departmentNames={p.departmentNames}
                  onSaved={p.onSaved}
                  onUnauthorized={p.onUnauthorized}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {lists && lists.deactivated.length > 0 && (
        <section class="deactivated-agents" aria-labelledby="agents-deactivated-title" data-testid="agents-deactivated">
          <h2 id="agents-deactivated-title">{ta.team.deactivatedTitle}</h2>
          <p class="hint">{ta.team.deactivatedHint}</p>
          <div class="table-wrap">
            <table class="report-table agents-table">
              <thead>
                <tr>
                  <th scope="col">{t.agents.name}</th>
                  <th scope="col">{ta.team.role}</th>
                  {admin && <th scope="col">{ta.team.actions}</th>}
                </tr>
              </thead>
              <tbody>
                {lists.deactivated.map((a) => (
                  <DeactivatedRow key={a.id} a={a} admin={admin} onSaved={p.onSaved} onUnauthorized={p.onUnauthorized} />
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </main>
  );
}

function DeactivatedRow({ a, admin, onSaved, onUnauthorized }: { a: AgentStatus; admin: boolean; onSaved: (a: AgentStatus) => void; onUnauthorized: () => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const reactivate = () => {
    setBusy(true);
    setError(null);
    api.reactivateAgent(a.id).then(
      (res) => {
        setBusy(false);
        onSaved(res);
      },
      (e: unknown) => {
        setBusy(false);
        if (e instanceof ApiError && e.status === 401) onUnauthorized();
        setError(adminErrorText(e));
      },
    );
  };
  return (
    <tr class="agent-deactivated" data-testid="agent-row" data-agent-id={a.id} data-status={a.status}>
      <td>
        <div class="agent-cell">
          <strong>{a.name}</strong>
          <StatusTag status={a.status} />
        </div>
        <div class="muted small">{a.email}</div>
      </td>
      <td>{ta.team.roles[a.role]}</td>
      {admin && (
        <td>
          <button type="button" class="small-btn" data-testid="agent-reactivate" aria-label={ta.team.reactivateLabel(a.name)} disabled={busy} onClick={reactivate}>
            {ta.team.reactivate}
          </button>
          {error && (
            <p class="field-error" role="alert" data-testid="agent-error">
              {error}
            </p>
          )}
        </td>
      )}
    </tr>
  );
}

type RowStatus = { state: 'idle' } | { state: 'saving' } | { state: 'saved' } | { state: 'error'; message: string };

function AgentRow({
  a,
  isMe,
  admin,
  cols,
  sites,
  departments,
  departmentNames,
  onSaved,
  onUnauthorized,
}: {
  a: AgentStatus;
  isMe: boolean;
  admin: boolean;
  cols: number;
  sites: Site[] | null;
  departments: Department[] | null;
  departmentNames: Record<string, string>;
  onSaved: (a: AgentStatus) => void;
  onUnauthorized: () => void;
}) {
  const [panel, setPanel] = useState<Panel | null>(null);
  const canCapacity = admin || isMe;
  const [draft, setDraft] = useState(String(a.maxChats));
  const [dirty, setDirty] = useState(false);
  const [status, setStatus] = useState<RowStatus>({ state: 'idle' });
  const inFlight = useRef(false);

  // A refetch shows the server's value unless the user is editing it.
  useEffect(() => {
    if (!dirty) setDraft(String(a.maxChats));
  }, [a.maxChats]);

  useEffect(() => {
    if (status.state !== 'saved') return;
    const timer = setTimeout(() => setStatus({ state: 'idle' }), 2500);
    return () => clearTimeout(timer);
  }, [status]);

  const patch = (body: { maxChats?: number; departmentIds?: string[]; siteIds?: string[] }) => {
    if (inFlight.current) return;
    inFlight.current = true;
    setStatus({ state: 'saving' });
    api.updateAgent(a.id, body).then(
      (res) => {
        inFlight.current = false;
        setStatus({ state: 'saved' });
        setDirty(false);
        onSaved(res);
      },
      (e: unknown) => {
        inFlight.current = false;
        if (e instanceof ApiError && e.status === 401) onUnauthorized();
        setStatus({ state: 'error', message: apiErrorText(e) });
      },
    );
  };

  const saveCapacity = () => {
    if (!dirty || inFlight.current) return;
    const n = /^\d+$/.test(draft.trim()) ? Number(draft.trim()) : NaN;
    if (!(n >= 1 && n <= MAX_CHATS_LIMIT)) {
      setStatus({ state: 'error', message: t.agents.capacityInvalid });
      return;
    }
    if (n === a.maxChats) {
      setDirty(false);
      setStatus({ state: 'idle' });
      return;
    }
    patch({ maxChats: n });
  };

  const toggleSite = (id: string, on: boolean) => {
    const cur = a.siteIds ?? [];
    patch({ siteIds: on ? [...new Set([...cur, id])] : cur.filter((x) => x !== id) });
  };

  const toggleDepartment = (id: string, on: boolean) => {
    const next = on ? [...new Set([...a.departmentIds, id])] : a.departmentIds.filter((x) => x !== id);
    patch({ departmentIds: next });
  };

  const full = a.load >= a.maxChats;
  const multiSite = (sites?.length ?? 0) > 1;
  const siteName = (id: string) => sites?.find((s) => s.id === id)?.name ?? id;

  return (
    <>
      <tr data-testid="agent-row" data-agent-id={a.id} data-presence={a.presence} data-status={a.status} class={panel ? 'has-panel' : undefined}>
        <td>
          <div class="agent-cell">
            <strong data-testid="agent-name-cell">{a.name}</strong>
            {isMe && <span class="muted"> ({t.agents.you})</span>}
            {a.role === 'admin' && <span class="tag">{t.agents.admin}</span>}
            {a.totp && (
              <span class="tag" data-testid="agent-totp" title={t2.account.title}>
                {t2.team.badge}
              </span>
            )}
            <StatusTag status={a.status} />
          </div>
          <div class="muted small">{a.email}</div>
        </td>
        <td>
          <span class={`presence-inline presence-${a.presence}`} data-testid="agent-presence" data-presence={a.presence}>
            <span class="presence-dot" aria-hidden="true" />
            {presenceText(a.presence)}
          </span>
        </td>
        <td>
          <div class="capacity">
            <span class={`load${full ? ' load-full' : ''}`} data-testid="agent-load">
              {a.load} / {a.maxChats}
            </span>
            {canCapacity && (
              <form
                class="capacity-form"
                onSubmit={(e) => {
                  e.preventDefault();
                  saveCapacity();
                }}
              >
                <input
                  type="number"
                  min={1}
                  max={MAX_CHATS_LIMIT}
                  step={1}
                  inputMode="numeric"
                  class="num-input"
                  data-testid="agent-capacity-input"
                  aria-label={t.agents.capacityLabel(a.name)}
                  value={draft}
                  readOnly={status.state === 'saving'}
                  onInput={(e) => {
                    setDraft(e.currentTarget.value);
                    setDirty(true);
                  }}
                  onBlur={saveCapacity}
                />
                {dirty && (
                  <button type="submit" class="small-btn" data-testid="agent-capacity-save">
                    {t.agents.saveCapacity}
                  </button>
                )}
              </form>
            )}
          </div>
          <RowStatusText status={status} />
        </td>
        <td>
          {multiSite && (
            <div class="agent-sites" data-testid="agent-sites">
              {admin ? (
                <fieldset class="checks" aria-label={t.agents.sitesLabel(a.name)} disabled={status.state === 'saving'}>
                  <legend class="muted small">
                    {t.agents.worksOn}
                    {!a.siteIds?.length && <> : {t.agents.everySite}</>}
                  </legend>
                  {sites!.map((s) => (
                    <label key={s.id} class="check">
                      <input type="checkbox" data-testid="agent-site" data-site-id={s.id} checked={!!a.siteIds?.includes(s.id)} onChange={(e) => toggleSite(s.id, e.currentTarget.checked)} />
                      {s.name}
                    </label>
                  ))}
                </fieldset>
              ) : (
                <span class="muted small">
                  {t.agents.worksOn}: {a.siteIds?.length ? a.siteIds.map(siteName).join(', ') : t.agents.everySite}
                </span>
              )}
            </div>
          )}
          {admin && departments && departments.length > 0 ? (
            <fieldset class="checks" aria-label={t.agents.departmentsLabel(a.name)} disabled={status.state === 'saving'}>
              {departments.map((d) => (
                <label key={d.id} class="check">
                  <input
                    type="checkbox"
                    data-testid="agent-department"
                    data-department-id={d.id}
                    checked={a.departmentIds.includes(d.id)}
                    onChange={(e) => toggleDepartment(d.id, e.currentTarget.checked)}
                  />
                  {multiSite ? `${d.name} (${siteName(d.siteId)})` : d.name}
                </label>
              ))}
            </fieldset>
          ) : (
            <span data-testid="agent-departments">
              {a.departmentIds.length === 0 ? <span class="muted">{t.agents.none}</span> : a.departmentIds.map((id) => departmentNames[id] ?? id).join(', ')}
            </span>
          )}
        </td>
        {admin && (
          <td>
            <div class="row-actions" role="group" aria-label={ta.team.actionsLabel(a.name)}>
              <button type="button" class="small-btn" data-testid="agent-edit" aria-expanded={panel?.kind === 'edit'} onClick={() => setPanel(panel?.kind === 'edit' ? null : { kind: 'edit' })}>
                {ta.team.edit}
              </button>
              <button
                type="button"
                class="small-btn"
                data-testid="agent-link"
                aria-expanded={panel?.kind === 'link'}
                onClick={() => setPanel({ kind: 'link', seq: (panel?.kind === 'link' ? panel.seq : 0) + 1 })}
              >
                {a.status === 'invited' ? ta.team.newInvite : ta.team.resetLink}
              </button>
              <button
                type="button"
                class="small-btn danger-text"
                data-testid="agent-deactivate"
                aria-expanded={panel?.kind === 'deactivate'}
                onClick={() => setPanel(panel?.kind === 'deactivate' ? null : { kind: 'deactivate' })}
              >
                {ta.team.deactivate}
              </button>
              {a.totp && (
                <button
                  type="button"
                  class="small-btn"
                  data-testid="agent-totp-reset"
                  aria-expanded={panel?.kind === 'totp'}
                  onClick={() => setPanel(panel?.kind === 'totp' ? null : { kind: 'totp' })}
                >
                  {t2.team.reset}
                </button>
              )}
            </div>
          </td>
        )}
      </tr>
      {admin && panel && (
        <tr class="agent-panel-row" data-testid="agent-panel-row" data-agent-id={a.id}>
          <td colSpan={cols}>
            <AgentPanel panel={panel} agent={a} isMe={isMe} onPanel={setPanel} onSaved={onSaved} onUnauthorized={onUnauthorized} />
          </td>
        </tr>
      )}
    </>
  );
}

export function RowStatusText({ status }: { status: RowStatus }) {
  if (status.state === 'error')
    return (
      <p class="field-error" role="alert">
        {status.message}
      </p>
    );
  if (status.state === 'saved')
    return (
      <p class="field-ok" role="status">
        {t.agents.saved}
      </p>
    );
  return null;
}
