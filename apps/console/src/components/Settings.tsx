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
import { ProviderSettings } from './ProviderSettings.tsx';
import { tp } from '../i18n-provider.ts';
import { InactivitySettings } from './InactivitySettings.tsx';
import { tsec } from '../i18n-security.ts';
import { CannedManager } from './CannedManager.tsx';
import { ProactiveEditor } from './ProactiveEditor.tsx';
import { BrandingSettings } from './BrandingSettings.tsx';
import { tb } from '../i18n-brand.ts';
import { ta } from '../i18n-abandoned.ts';
import { Integrations } from './Integrations.tsx';
import { te } from '../i18n-engage.ts';
import { tf } from '../i18n-files.ts';
import { tint } from '../i18n-integrations.ts';
import { tsh } from '../i18n-shell.ts';
import { routePath } from '../routes.ts';
import { TagManager } from './TagManager.tsx';
import { ti } from '../i18n-inbox.ts';

interface Props {
  me: AgentView;
  sites: Site[] | null;
  departments: Department[] | null;
  directoryError: string | null;
  agents: AgentStatus[] | null;
  reloadDepartments: () => void;
  reloadAgents: () => void;
  onUnauthorized: () => void;
  /** The section in the address (/console/settings/<id>); null: the first. */
  section: string | null;
}

type Status = { state: 'idle' } | { state: 'saving' } | { state: 'saved' } | { state: 'error'; message: string; errors?: FormError[] };

const FIELD_MODES: FieldMode[] = ['off', 'optional', 'required'];

/** What a section of Settings gets: the chosen site and what the page knows about it. */
export interface SectionContext {
  siteId: string;
  admin: boolean;
  me: AgentView;
  /** The site's departments (null while loading). */
  departments: Department[] | null;
  agents: AgentStatus[] | null;
  /** The site's settings as saved (null while loading). */
  settings: SiteSettings | null;
  /** A section that saves the site's settings passes the saved value back here. */
  onSettingsSaved: (s: SiteSettings) => void;
  reloadDepartments: () => void;
  reloadAgents: () => void;
  onUnauthorized: () => void;
}

/** One section of Settings: its own address (/console/settings/<id>), title, content and Save. */
export interface SettingsSection {
  id: string;
  title: string;
  /** Only admins see it. */
  adminOnly?: boolean;
  render: (c: SectionContext) => ComponentChildren;
}

/** A section that edits part of the site's settings (one form, one Save), e.g. routing. */
function formSection(id: string, title: string, fields: (f: FormFields) => ComponentChildren): SettingsSection {
  return { id, title, render: (c) => <SettingsForm key={`${c.siteId}:${id}`} id={id} c={c} fields={fields} /> };
}

/**
 * The sections, in the order of the side menu. To add one, add a line here: a component of its
 * own (it loads and saves what it edits) is `{ id, title, render: (c) => <Mine siteId={c.siteId} … /> }`.
 */
export const SETTINGS_SECTIONS: SettingsSection[] = [
  formSection('routing', ts.settings.routing, RoutingFields),
  formSection('prechat', ts.settings.preChat, PreChatFields),
  formSection('bot', ts.settings.bot, BotFields),
  { id: 'provider', title: tp.title, adminOnly: true, render: (c) => <ProviderSettings siteId={c.siteId} /> },
  formSection('hours', ts.settings.hours, HoursFields),
  formSection('service', ts.settings.service, ServiceFields),
  formSection('proactive', te.proactive.title, ProactiveFields),
  formSection('identity', tsec.title, IdentityFields),
  {
    id: 'departments',
    title: ts.departments.title,
    render: (c) => (
      <DepartmentsSection
        siteId={c.siteId}
        admin={c.admin}
        departments={c.departments}
        agents={c.agents}
        siteDefaults={{ timezone: c.settings?.businessHours?.timezone ?? localTimeZone(), slaFirstResponseSec: c.settings?.slaFirstResponseSec ?? 300 }}
        onChanged={() => {
          c.reloadDepartments();
          c.reloadAgents();
        }}
        onUnauthorized={c.onUnauthorized}
      />
    ),
  },
  { id: 'tags', title: ti.manageTitle, render: (c) => <TagManager siteId={c.siteId} admin={c.admin} /> },
  { id: 'canned', title: te.canned.title, render: (c) => <CannedManager siteId={c.siteId} admin={c.admin} departments={c.departments} onUnauthorized={c.onUnauthorized} /> },
  {
    id: 'email',
    title: tf.smtp.title,
    adminOnly: true,
    render: (c) => (
      <section class="card" aria-label={tf.smtp.title}>
        <SmtpSettings siteId={c.siteId} />
      </section>
    ),
  },
  { id: 'inactivity', title: ta.settings.title, adminOnly: true, render: (c) => <InactivitySettings siteId={c.siteId} onSaved={c.onSettingsSaved} /> },
  { id: 'branding', title: tb.title, adminOnly: true, render: (c) => <BrandingSettings siteId={c.siteId} /> },
  { id: 'integrations', title: tint.title, adminOnly: true, render: (c) => <Integrations siteId={c.siteId} onUnauthorized={c.onUnauthorized} /> },
];

/** The sections a user sees, and the one the address names (unknown or hidden: the first). */
export function visibleSections(admin: boolean, wanted: string | null, all: SettingsSection[] = SETTINGS_SECTIONS) {
  const list = all.filter((s) => admin || !s.adminOnly);
  return { list, active: list.find((s) => s.id === wanted) ?? list[0]! };
}

/** Site settings in sections (a side menu of links, one address each); read-only for non-admins. */
export function Settings(p: Props) {
  const admin = p.me.role === 'admin';
  const { list, active } = visibleSections(admin, p.section);
  return (
    <SitePage name="settings" texts={ts.settings} admin={admin} sites={p.sites} directoryError={p.directoryError}>
      {(site) => (
        <div class="settings-layout">
          <nav class="settings-nav" aria-label={tsh.settingsSections} data-testid="settings-nav">
            <ul>
              {list.map((s) => (
                <li key={s.id}>
                  <a href={routePath({ view: 'settings', section: s.id })} aria-current={s.id === active.id ? 'page' : undefined} data-testid={`settings-nav-${s.id}`}>
                    {s.title}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <div class="settings-section" data-testid={`settings-section-${active.id}`}>
            <SiteSettingsLoader key={site} siteId={site} onUnauthorized={p.onUnauthorized}>
              {(settings, onSettingsSaved) =>
                active.render({
                  siteId: site,
                  admin,
                  me: p.me,
                  departments: p.departments?.filter((d) => d.siteId === site) ?? null,
                  agents: p.agents,
                  settings,
                  onSettingsSaved,
                  reloadDepartments: p.reloadDepartments,
                  reloadAgents: p.reloadAgents,
                  onUnauthorized: p.onUnauthorized,
                })
              }
            </SiteSettingsLoader>
          </div>
        </div>
      )}
    </SitePage>
  );
}

function errorOf(e: unknown, onUnauthorized: () => void): string {
  if (e instanceof ApiError && e.status === 401) onUnauthorized();
  return apiErrorText(e);
}

// -------------------------------------------------------------------------------------------

/** Loads the site's settings once for every section; a load error is shown with a retry. */
function SiteSettingsLoader({
  siteId,
  onUnauthorized,
  children,
}: {
  siteId: string;
  onUnauthorized: () => void;
  children: (settings: SiteSettings | null, onSaved: (s: SiteSettings) => void) => ComponentChildren;
}) {
  const [saved, setSaved] = useState<SiteSettings | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    setLoadError(null);
    api.settings(siteId).then(
      (s) => !cancelled && setSaved(s),
      (e: unknown) => !cancelled && setLoadError(errorOf(e, onUnauthorized)),
    );
    return () => {
      cancelled = true;
    };
  }, [siteId, attempt]);

  return (
    <>
      {loadError && (
        <p class="form-error" role="alert">
          {ts.settings.loadError} {loadError}{' '}
          <button type="button" class="link" onClick={() => setAttempt((n) => n + 1)}>
            {t.reports.retry}
          </button>
        </p>
      )}
      {children(saved, setSaved)}
    </>
  );
}

/** What the fields of a settings form section get. */
interface FormFields {
  siteId: string;
  admin: boolean;
  form: SettingsForm;
  update: (patch: Partial<SettingsForm>) => void;
  errors: FormError[];
  has: (code: FormError['code']) => boolean;
}

/**
 * One section's form over the site's settings: it starts from the saved settings and its Save
 * sends them with this section's changes only (another section's unsaved edits are not in it).
 */
function SettingsForm({ id, c, fields }: { id: string; c: SectionContext; fields: (f: FormFields) => ComponentChildren }) {
  const { siteId, admin, settings: saved, onSettingsSaved, onUnauthorized } = c;
  const [form, setForm] = useState<SettingsForm | null>(() => (saved ? toSettingsForm(saved, localTimeZone()) : null));
  const [status, setStatus] = useState<Status>({ state: 'idle' });

  useEffect(() => {
    if (saved && !form) setForm(toSettingsForm(saved, localTimeZone()));
  }, [saved]);

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
        onSettingsSaved(s);
        setForm(toSettingsForm(s, localTimeZone()));
        setStatus({ state: 'saved' });
      },
      (e: unknown) => setStatus({ state: 'error', message: ts.settings.refused(errorOf(e, onUnauthorized)) }),
    );
  };

  if (!form) return <p class="muted">{t.loading}</p>;
  const errors = status.state === 'error' ? (status.errors ?? []) : [];
  const has = (code: FormError['code']) => errors.some((e) => e.code === code);

  return (
    <form
      class="settings-form"
      noValidate
      data-testid={`settings-form-${id}`}
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <fieldset disabled={!admin || status.state === 'saving'} class="plain">
        {fields({ siteId, admin, form, update, errors, has })}
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
  );
}

// The fields of each form section (as they were, one card each). ---------------------------

function RoutingFields({ form, update }: FormFields) {
  return (
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
  );
}

function PreChatFields({ form, update }: FormFields) {
  return (
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
  );
}

function BotFields({ form, update, has }: FormFields) {
  return (
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
      <div class="field">
        <label for="bot-sensitivity">{ts.settings.botSensitivity}</label>
        <select
          id="bot-sensitivity"
          data-testid="settings-bot-sensitivity"
          value={form.botSensitivity}
          aria-describedby="bot-sensitivity-hint"
          onChange={(e) => update({ botSensitivity: e.currentTarget.value })}
        >
          {[...new Set(['0.2', '0.5', '0.8', form.botSensitivity])].map((v) => (
            <option key={v} value={v}>
              {ts.settings.botSensitivities[v] ?? v}
            </option>
          ))}
        </select>
      </div>
      <p class="hint" id="bot-sensitivity-hint">
        {ts.settings.botSensitivityHint}
      </p>
      <div class="field">
        <label for="bot-synonyms">{ts.settings.botSynonyms}</label>
        <textarea
          id="bot-synonyms"
          rows={4}
          class={`text-input${has('synonyms') ? ' invalid' : ''}`}
          data-testid="settings-bot-synonyms"
          value={form.botSynonyms}
          aria-invalid={has('synonyms') || undefined}
          aria-describedby="bot-synonyms-hint"
          onInput={(e) => update({ botSynonyms: e.currentTarget.value })}
        />
        {has('synonyms') && <p class="field-error">{ts.settings.errors.synonyms}</p>}
      </div>
      <p class="hint" id="bot-synonyms-hint">
        {ts.settings.botSynonymsHint}
      </p>
    </section>
  );
}

function IdentityFields({ siteId, admin, form, update }: FormFields) {
  return (
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
  );
}

function ProactiveFields({ siteId, form, update }: FormFields) {
  return <ProactiveEditor siteId={siteId} rules={form.other.proactive ?? []} onChange={(proactive) => update({ other: { ...form.other, proactive } })} />;
}

function HoursFields({ form, update, errors }: FormFields) {
  return (
    <section class="card" aria-labelledby="set-hours">
      <h2 id="set-hours">{ts.settings.hours}</h2>
      <HoursEditor value={form.hours} onChange={(hours) => update({ hours })} errors={errors} allowAlwaysOpen prefix="" idBase="site-hours" />
    </section>
  );
}

function ServiceFields({ form, update, has }: FormFields) {
  return (
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
