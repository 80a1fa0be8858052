import type { AgentStatus, AgentView, Department, FieldMode, SiteSettings } from '@parla/protocol';
import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { api, ApiError, type Site } from '../api.ts';
import {
  type DepartmentForm,
  type FormError,
  fromDepartmentForm,
  fromSettingsForm,
  BOT_MODES,
  localTimeZone,
  normalizeSettings,
  sameValue,
  type SettingsForm,
  toDepartmentForm,
  toSettingsForm,
} from '../hours.ts';
import { ts } from '../i18n-settings.ts';
import { t } from '../i18n.ts';
import { apiErrorText } from '../labels.ts';
import { HoursEditor } from './HoursEditor.tsx';
import { SitePage } from './SitePage.tsx';
import { SiteSecret } from './SiteSecret.tsx';
import { SmtpSettings } from './SmtpSettings.tsx';
import { tsec } from '../i18n-security.ts';
import { CannedManager } from './CannedManager.tsx';
import { ProactiveEditor } from './ProactiveEditor.tsx';
import { Integrations } from './Integrations.tsx';

interface Props {
  me: AgentView;
  sites: Site[] | null;
  departments: Department[] | null;
  directoryError: string | null;
  agents: AgentStatus[] | null;
  reloadDepartments: () => void;
  reloadAgents: () => void;
  onUnauthorized: () => void;
}

type Status = { state: 'idle' } | { state: 'saving' } | { state: 'saved' } | { state: 'error'; message: string; errors?: FormError[] };

const FIELD_MODES: FieldMode[] = ['off', 'optional', 'required'];

/** Site settings (routing, pre-chat, hours, SLA) and departments; read-only for non-admins. */
export function Settings(p: Props) {
  const admin = p.me.role === 'admin';
  return (
    <SitePage name="settings" texts={ts.settings} admin={admin} sites={p.sites} directoryError={p.directoryError}>
      {(site) => (
        <SiteSettingsSection key={site} siteId={site} admin={admin} onUnauthorized={p.onUnauthorized}>
          {(settings) => (
            <>
              <DepartmentsSection
                siteId={site}
                admin={admin}
                departments={p.departments?.filter((d) => d.siteId === site) ?? null}
                agents={p.agents}
                siteDefaults={{
                  timezone: settings?.businessHours?.timezone ?? localTimeZone(),
                  slaFirstResponseSec: settings?.slaFirstResponseSec ?? 300,
                }}
                onChanged={() => {
                  p.reloadDepartments();
                  p.reloadAgents();
                }}
                onUnauthorized={p.onUnauthorized}
              />
              <CannedManager siteId={site} admin={admin} departments={p.departments?.filter((d) => d.siteId === site) ?? null} onUnauthorized={p.onUnauthorized} />
              {admin && <Integrations siteId={site} onUnauthorized={p.onUnauthorized} />}
            </>
          )}
        </SiteSettingsSection>
      )}
    </SitePage>
  );
}

function errorOf(e: unknown, onUnauthorized: () => void): string {
  if (e instanceof ApiError && e.status === 401) onUnauthorized();
  return apiErrorText(e);
}

// -------------------------------------------------------------------------------------------

function SiteSettingsSection({
  siteId,
  admin,
  onUnauthorized,
  children,
}: {
  siteId: string;
  admin: boolean;
  onUnauthorized: () => void;
  children: (settings: SiteSettings | null) => ComponentChildren;
}) {
  const [saved, setSaved] = useState<SiteSettings | null>(null);
  const [form, setForm] = useState<SettingsForm | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [status, setStatus] = useState<Status>({ state: 'idle' });

  useEffect(() => {
    let cancelled = false;
    setLoadError(null);
    api.settings(siteId).then(
      (s) => {
        if (cancelled) return;
        setSaved(s);
        setForm(toSettingsForm(s, localTimeZone()));
      },
      (e: unknown) => !cancelled && setLoadError(errorOf(e, onUnauthorized)),
    );
    return () => {
      cancelled = true;
    };
  }, [siteId, attempt]);

  useEffect(() => {
    if (status.state !== 'saved') return;
    const timer = setTimeout(() => setStatus({ state: 'idle' }), 4000);
    return () => clearTimeout(timer);
  }, [status]);

  const dirty = useMemo(() => {
    if (!form || !saved) return false;
    const r = fromSettingsForm(form);
    return !r.ok || normalizeSettings(r.value) !== normalizeSettings(saved);
  }, [form, saved]);

  const update = (patch: Partial<SettingsForm>) => {
    setForm((f) => (f ? { ...f, ...patch } : f));
    if (status.state !== 'saving') setStatus({ state: 'idle' });
  };

  const save = () => {
    if (!form || !admin) return;
    const r = fromSettingsForm(form);
    if (!r.ok) {
      setStatus({ state: 'error', message: ts.settings.fixErrors, errors: r.errors });
      return;
    }
    setStatus({ state: 'saving' });
    api.saveSettings(siteId, r.value).then(
      (s) => {
        setSaved(s);
        setForm(toSettingsForm(s, localTimeZone()));
        setStatus({ state: 'saved' });
      },
      (e: unknown) => setStatus({ state: 'error', message: ts.settings.refused(errorOf(e, onUnauthorized)) }),
    );
  };

  const errors = status.state === 'error' ? (status.errors ?? []) : [];
  const has = (code: FormError['code']) => errors.some((e) => e.code === code);

  if (!form) {
    return loadError ? (
      <p class="form-error" role="alert">
        {ts.settings.loadError} {loadError}{' '}
        <button type="button" class="link" onClick={() => setAttempt((n) => n + 1)}>
          {t.reports.retry}
        </button>
      </p>
    ) : (
      <p class="muted">{t.loading}</p>
    );
  }

  return (
    <>
      <form
        class="settings-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <fieldset disabled={!admin || status.state === 'saving'} class="plain">
          <section class="card" aria-labelledby="set-routing">
            <h2 id="set-routing">{ts.settings.routing}</h2>
            <div class="field">
              <label for="routing-mode">{ts.settings.routingMode}</label>
              <select
                id="routing-mode"
                data-testid="routing-mode"
                value={form.routingMode}
                onChange={(e) => update({ routingMode: e.currentTarget.value === 'manual' ? 'manual' : 'auto' })}
              >
                <option value="auto">{ts.settings.auto}</option>
                <option value="manual">{ts.settings.manual}</option>
              </select>
            </div>
          </section>

          <section class="card" aria-labelledby="set-prechat">
            <h2 id="set-prechat">{ts.settings.preChat}</h2>
            <div class="field-row">
              {(
                [
                  ['name', ts.settings.preName],
                  ['email', ts.settings.preEmail],
                  ['department', ts.settings.preDepartment],
                ] as const
              ).map(([key, label]) => (
                <div class="field" key={key}>
                  <label for={`prechat-${key}`}>{label}</label>
                  <select
                    id={`prechat-${key}`}
                    data-testid={`prechat-${key}`}
                    value={form.preChat[key]}
                    onChange={(e) => update({ preChat: { ...form.preChat, [key]: e.currentTarget.value as FieldMode } })}
                  >
                    {FIELD_MODES.map((m) => (
                      <option key={m} value={m}>
                        {ts.settings.modes[m]}
                      </option>
                    ))}
                  </select>
                </div>
              ))}
            </div>
          </section>

          <section class="card" aria-labelledby="set-bot">
            <h2 id="set-bot">{ts.settings.bot}</h2>
            <div class="field">
              <label for="bot-mode">{ts.settings.botMode}</label>
              <select
                id="bot-mode"
                data-testid="settings-bot-mode"
                value={form.botMode}
                onChange={(e) => update({ botMode: BOT_MODES.find((m) => m === e.currentTarget.value) ?? 'off' })}
              >
                {BOT_MODES.map((m) => (
                  <option key={m} value={m}>
                    {ts.settings.botModes[m]}
                  </option>
                ))}
              </select>
            </div>
            <div class="field">
              <label for="escalation-keywords">{ts.settings.escalationKeywords}</label>
              <input
                id="escalation-keywords"
                class={`text-input${has('keywords') ? ' invalid' : ''}`}
                data-testid="settings-escalation-keywords"
                value={form.escalationKeywords}
                aria-invalid={has('keywords') || undefined}
                aria-describedby="escalation-keywords-hint"
                onInput={(e) => update({ escalationKeywords: e.currentTarget.value })}
              />
              {has('keywords') && <p class="field-error">{ts.settings.errors.keywords}</p>}
            </div>
            <p class="hint" id="escalation-keywords-hint">
              {ts.settings.escalationHint}
            </p>
          </section>

          <section class="card" aria-labelledby="set-identity" data-testid="settings-identity">
            <h2 id="set-identity">{tsec.title}</h2>
            <label class="check">
              <input
                type="checkbox"
                data-testid="settings-require-identity"
                checked={form.other.requireVerifiedIdentity === true}
                aria-describedby="identity-hint"
                onChange={(e) => {
                  const { requireVerifiedIdentity: _, ...rest } = form.other;
                  update({ other: e.currentTarget.checked ? { ...rest, requireVerifiedIdentity: true } : rest });
                }}
              />{' '}
              {tsec.require}
            </label>
            <p class="hint" id="identity-hint">
              {tsec.requireHint}
            </p>
            {admin && <SiteSecret siteId={siteId} />}
          </section>
          {admin && (
            <section class="card">
              <SmtpSettings siteId={siteId} />
            </section>
          )}
          <ProactiveEditor rules={form.other.proactive ?? []} onChange={(proactive) => update({ other: { ...form.other, proactive } })} />
          <section class="card" aria-labelledby="set-hours">
            <h2 id="set-hours">{ts.settings.hours}</h2>
            <HoursEditor value={form.hours} onChange={(hours) => update({ hours })} errors={errors} allowAlwaysOpen prefix="" idBase="site-hours" />
          </section>

          <section class="card" aria-labelledby="set-sla">
            <h2 id="set-sla">{ts.settings.service}</h2>
            <div class="field-row">
              <div class="field">
                <label for="sla-minutes">{ts.settings.slaMinutes}</label>
                <input
                  id="sla-minutes"
                  class={`text-input num-input${has('sla') ? ' invalid' : ''}`}
                  type="number"
                  min={0.17}
                  step="any"
                  inputMode="decimal"
                  data-testid="sla-minutes"
                  value={form.slaMinutes}
                  aria-invalid={has('sla') || undefined}
                  onInput={(e) => update({ slaMinutes: e.currentTarget.value })}
                />
                {has('sla') && <p class="field-error">{ts.settings.errors.sla}</p>}
              </div>
              <div class="field">
                <label for="offer-minutes">{ts.settings.offerMinutes}</label>
                <input
                  id="offer-minutes"
                  class={`text-input num-input${has('offer') ? ' invalid' : ''}`}
                  type="number"
                  min={0}
                  max={1440}
                  step="any"
                  inputMode="decimal"
                  data-testid="offer-minutes"
                  value={form.offerMinutes}
                  aria-invalid={has('offer') || undefined}
                  aria-describedby="offer-hint"
                  onInput={(e) => update({ offerMinutes: e.currentTarget.value })}
                />
                {has('offer') && <p class="field-error">{ts.settings.errors.offer}</p>}
              </div>
            </div>
            <p class="hint" id="offer-hint">
              {ts.settings.offerHint}
            </p>
          </section>
        </fieldset>

        {admin && (
          <div class="form-actions">
            <button type="submit" class="primary" data-testid="settings-save" disabled={status.state === 'saving' || !dirty}>
              {status.state === 'saving' ? ts.settings.saving : ts.settings.save}
            </button>
            <span aria-live="polite" data-testid="settings-status" data-state={status.state}>
              {status.state === 'saved' && <span class="field-ok">{ts.settings.saved}</span>}
              {status.state === 'error' && (
                <span class="field-error" role="alert">
                  {status.message}
                </span>
              )}
            </span>
          </div>
        )}
      </form>
      {children(saved)}
    </>
  );
}

// -------------------------------------------------------------------------------------------

interface SiteDefaults {
  timezone: string;
  slaFirstResponseSec: number;
}

function DepartmentsSection({
  siteId,
  admin,
  departments,
  agents,
  siteDefaults,
  onChanged,
  onUnauthorized,
}: {
  siteId: string;
  admin: boolean;
  departments: Department[] | null;
  agents: AgentStatus[] | null;
  siteDefaults: SiteDefaults;
  onChanged: () => void;
  onUnauthorized: () => void;
}) {
  const [name, setName] = useState('');
  const [status, setStatus] = useState<Status>({ state: 'idle' });

  const create = () => {
    const n = name.trim();
    if (!n || n.length > 80) {
      setStatus({ state: 'error', message: ts.settings.errors.name! });
      return;
    }
    setStatus({ state: 'saving' });
    api.createDepartment(siteId, { name: n }).then(
      () => {
        setName('');
        setStatus({ state: 'idle' });
        onChanged();
      },
      (e: unknown) => setStatus({ state: 'error', message: ts.settings.refused(errorOf(e, onUnauthorized)) }),
    );
  };

  return (
    <section class="card departments" aria-labelledby="set-departments" data-testid="departments">
      <h2 id="set-departments">{ts.departments.title}</h2>
      {!departments ? (
        <p class="muted">{t.loading}</p>
      ) : departments.length === 0 ? (
        <p class="muted">{ts.departments.empty}</p>
      ) : (
        <ul class="department-list">
          {departments.map((d) => (
            <DepartmentRow key={d.id} d={d} admin={admin} agents={agents} siteDefaults={siteDefaults} onChanged={onChanged} onUnauthorized={onUnauthorized} />
          ))}
        </ul>
      )}
      {admin && (
        <form
          class="inline-add department-new"
          data-testid="department-new"
          onSubmit={(e) => {
            e.preventDefault();
            create();
          }}
        >
          <input
            class="text-input"
            data-testid="department-new-name"
            aria-label={ts.departments.newName}
            placeholder={ts.departments.newName}
            maxLength={80}
            value={name}
            onInput={(e) => setName(e.currentTarget.value)}
          />
          <button type="submit" data-testid="department-new-submit" disabled={status.state === 'saving' || !name.trim()}>
            {ts.departments.create}
          </button>
          {status.state === 'error' && (
            <span class="field-error" role="alert">
              {status.message}
            </span>
          )}
        </form>
      )}
    </section>
  );
}

function DepartmentRow({
  d,
  admin,
  agents,
  siteDefaults,
  onChanged,
  onUnauthorized,
}: {
  d: Department;
  admin: boolean;
  agents: AgentStatus[] | null;
  siteDefaults: SiteDefaults;
  onChanged: () => void;
  onUnauthorized: () => void;
}) {
  const initial = useMemo(() => toDepartmentForm(d, siteDefaults), [JSON.stringify(d), siteDefaults.timezone, siteDefaults.slaFirstResponseSec]);
  const [form, setForm] = useState<DepartmentForm>(initial);
  const [touched, setTouched] = useState(false);
  const [status, setStatus] = useState<Status>({ state: 'idle' });
  const [confirming, setConfirming] = useState(false);

  // The server's version replaces the form unless it is being edited.
  useEffect(() => {
    if (!touched) setForm(initial);
  }, [initial]);

  useEffect(() => {
    if (status.state !== 'saved') return;
    const timer = setTimeout(() => setStatus({ state: 'idle' }), 3000);
    return () => clearTimeout(timer);
  }, [status]);

  const dirty = touched && !sameValue(form, initial);
  const update = (patch: Partial<DepartmentForm>) => {
    setForm((f) => ({ ...f, ...patch }));
    setTouched(true);
    if (status.state === 'error' || status.state === 'saved') setStatus({ state: 'idle' });
  };

  const save = () => {
    const r = fromDepartmentForm(form);
    if (!r.ok) {
      setStatus({ state: 'error', message: ts.settings.fixErrors, errors: r.errors });
      return;
    }
    setStatus({ state: 'saving' });
    api.updateDepartment(d.id, r.value).then(
      (res) => {
        setTouched(false);
        setForm(toDepartmentForm(res, siteDefaults));
        setStatus({ state: 'saved' });
        onChanged();
      },
      (e: unknown) => setStatus({ state: 'error', message: ts.settings.refused(errorOf(e, onUnauthorized)) }),
    );
  };

  const remove = () => {
    setStatus({ state: 'saving' });
    api.deleteDepartment(d.id).then(
      () => onChanged(),
      (e: unknown) => {
        setConfirming(false);
        setStatus({ state: 'error', message: errorOf(e, onUnauthorized) });
      },
    );
  };

  const errors = status.state === 'error' ? (status.errors ?? []) : [];
  const has = (code: FormError['code']) => errors.some((e) => e.code === code);
  const id = `dep-${d.id}`;
  // Agents of the department the list does not know (yet) stay checked and visible.
  const known = new Set((agents ?? []).map((a) => a.id));
  const extra = form.agentIds.filter((a) => !known.has(a));

  return (
    <li class="department" data-testid="department-row" data-department-id={d.id}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <fieldset class="plain" disabled={!admin || status.state === 'saving'}>
          <div class="field-row">
            <div class="field grow">
              <label for={`${id}-name`}>{ts.departments.name}</label>
              <input
                id={`${id}-name`}
                class={`text-input${has('name') ? ' invalid' : ''}`}
                data-testid="department-name"
                maxLength={80}
                value={form.name}
                aria-invalid={has('name') || undefined}
                onInput={(e) => update({ name: e.currentTarget.value })}
              />
            </div>
            <div class="field grow">
              <label for={`${id}-name-it`}>{ts.departments.nameIt}</label>
              <input
                id={`${id}-name-it`}
                class="text-input"
                lang="it"
                data-testid="department-name-it"
                maxLength={80}
                value={form.nameIt}
                onInput={(e) => update({ nameIt: e.currentTarget.value })}
              />
            </div>
            <div class="field">
              <label for={`${id}-urgency`}>{ts.departments.urgency}</label>
              <span class="sr-only" id={`${id}-urgency-hint`}>
                {ts.departments.urgencyHint}
              </span>
              <input
                id={`${id}-urgency`}
                class={`text-input num-input${has('urgency') ? ' invalid' : ''}`}
                type="number"
                min={0}
                max={100}
                step={1}
                data-testid="department-urgency"
                title={ts.departments.urgencyHint}
                aria-describedby={`${id}-urgency-hint`}
                aria-invalid={has('urgency') || undefined}
                value={form.urgency}
                onInput={(e) => update({ urgency: e.currentTarget.value })}
              />
            </div>
          </div>

          <div class="field">
            <span class="label" id={`${id}-agents`}>
              {ts.departments.agents}
            </span>
            {agents === null && extra.length === 0 ? (
              <p class="muted small">{t.loading}</p>
            ) : (agents?.length ?? 0) + extra.length === 0 ? (
              <p class="muted small">{ts.departments.noAgents}</p>
            ) : (
              <div class="checks" role="group" aria-labelledby={`${id}-agents`}>
                {(agents ?? []).map((a) => (
                  <label key={a.id} class="check">
                    <input
                      type="checkbox"
                      data-testid="department-agent"
                      data-agent-id={a.id}
                      checked={form.agentIds.includes(a.id)}
                      onChange={(e) =>
                        update({ agentIds: e.currentTarget.checked ? [...form.agentIds, a.id] : form.agentIds.filter((x) => x !== a.id) })
                      }
                    />
                    {a.name}
                  </label>
                ))}
                {extra.map((aid) => (
                  <label key={aid} class="check">
                    <input type="checkbox" data-testid="department-agent" data-agent-id={aid} checked onChange={() => update({ agentIds: form.agentIds.filter((x) => x !== aid) })} />
                    <span class="mono">{aid}</span>
                  </label>
                ))}
              </div>
            )}
          </div>

          <div class="field-row">
            <label class="check">
              <input
                type="checkbox"
                data-testid="department-sla-override"
                checked={form.slaOverride}
                onChange={(e) => update({ slaOverride: e.currentTarget.checked })}
              />
              {ts.departments.slaOverride}
            </label>
            {form.slaOverride && (
              <input
                class={`text-input num-input${has('sla') ? ' invalid' : ''}`}
                type="number"
                min={0.17}
                step="any"
                inputMode="decimal"
                data-testid="department-sla-minutes"
                aria-label={`${ts.departments.slaOverride} (${ts.departments.slaMinutes})`}
                aria-invalid={has('sla') || undefined}
                value={form.slaMinutes}
                onInput={(e) => update({ slaMinutes: e.currentTarget.value })}
              />
            )}
          </div>
          {has('sla') && <p class="field-error">{ts.settings.errors.sla}</p>}

          <label class="check">
            <input
              type="checkbox"
              data-testid="department-own-hours"
              checked={form.ownHours}
              onChange={(e) => update({ ownHours: e.currentTarget.checked })}
            />
            {ts.departments.ownHours}
          </label>
          {form.ownHours && (
            <div class="nested">
              <HoursEditor
                value={form.hours}
                onChange={(hours) => update({ hours })}
                errors={errors}
                allowAlwaysOpen={false}
                prefix="department-"
                idBase={`${id}-hours`}
              />
            </div>
          )}
        </fieldset>

        {admin && (
          <div class="form-actions">
            <button type="submit" class="primary" data-testid="department-save" disabled={!dirty || status.state === 'saving'}>
              {status.state === 'saving' ? ts.departments.saving : ts.departments.save}
            </button>
            {confirming ? (
              <span class="confirm" role="group" aria-label={ts.departments.confirmDelete(d.name)}>
                <span>{ts.departments.confirmDelete(d.name)}</span>
                <button type="button" class="danger" data-testid="department-delete-confirm" onClick={remove}>
                  {ts.departments.confirm}
                </button>
                <button type="button" data-testid="department-delete-cancel" onClick={() => setConfirming(false)}>
                  {ts.departments.cancel}
                </button>
              </span>
            ) : (
              <button type="button" class="ghost danger-text" data-testid="department-delete" onClick={() => setConfirming(true)}>
                {ts.departments.delete}
              </button>
            )}
            <span aria-live="polite">
              {status.state === 'saved' && <span class="field-ok">{ts.departments.saved}</span>}
              {status.state === 'error' && (
                <span class="field-error" role="alert">
                  {status.message}
                </span>
              )}
            </span>
          </div>
        )}
      </form>
    </li>
  );
}
