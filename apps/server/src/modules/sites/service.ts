import { SiteAdminQueries, type AgentLoadRow, type DepartmentRow, type GroupCommit, type SiteRow, type Store } from '@parla/db';
import { BusinessHours, DEFAULT_PRIORITY_RULES, DEFAULT_SITE_SETTINGS, SiteSettings, type Department, type PriorityRules, type ServerToVisitor, type WidgetSite } from '@parla/protocol';

/** Who could answer now, as the `availability` frame tells it. */
export type SiteAvailability = Omit<Extract<ServerToVisitor, { type: 'availability' }>, 'type'>;
import type { SiteDetail } from '@parla/protocol/admin';
import { nanoid } from 'nanoid';
import { newToken } from '../../lib/crypto.ts';
import { RequestError } from '../../lib/http.ts';
import { ServiceError } from '../conversations/errors.ts';
import { isOpen, nextOpening } from './hours.ts';
import { worksOn } from '../routing/decide.ts';

/** A site id made from its name: `Bottega Rossi & Figli` -> `bottega-rossi-figli`. */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return slug || 'site';
}

/** The script tag and the CSP directives of a site, for the chat server at `publicUrl`. */
export function embedOf(publicUrl: string, siteId: string): SiteDetail['embed'] {
  const ws = publicUrl.replace(/^http/, 'ws');
  return {
    snippet: `<script async src="${publicUrl}/widget.js" data-site="${siteId}"></script>`,
    csp: `script-src ${publicUrl}; connect-src ${publicUrl} ${ws}; style-src 'unsafe-inline'`,
  };
}

function parseHours(json: string | null): BusinessHours | null {
  if (!json) return null;
  const r = BusinessHours.safeParse(JSON.parse(json));
  return r.success ? r.data : null;
}

/** Site settings, departments and what follows from them (open now, SLA targets). Settings are cached. */
export class Sites {
  private readonly cache = new Map<string, SiteSettings>();
  /** Origins declared by SITE_ORIGINS, per site: allowed as well as the stored ones, while configured (never stored). */
  private readonly declared = new Map<string, string[]>();
  private readonly admin: SiteAdminQueries;
  /** Whether a site can send email (set by the mail module; told to the widget). */
  emailEnabled: ((siteId: string) => boolean) | null = null;
  /**
   * Called after a site was deleted (caches keyed by site let go of it; its visitors' sockets
   * close; the consoles drop its conversations: the open ones and those resolved in the last 24 hours).
   */
  readonly deletedListeners: ((siteId: string, visitorIds: string[], attachmentIds: string[], conversationIds: string[]) => void)[] = [];

  constructor(
    private readonly store: Store,
    private readonly commit: GroupCommit,
    private readonly now: () => number = Date.now,
  ) {
    this.admin = new SiteAdminQueries(store.sqlite);
  }

  list(): { id: string; name: string }[] {
    return this.store.listSites().map((s) => ({ id: s.id, name: s.name }));
  }

  /**
   * SITE_ORIGINS: sites declared in the configuration. A missing one is created; their origins are
   * allowed besides the ones set in the console (merged at each check, never written over them),
   * so removing an origin from the configuration removes it at the next start.
   */
  async declare(sites: Record<string, string[]>): Promise<void> {
    const at = this.now();
    await this.commit.run(() => {
      for (const [id, origins] of Object.entries(sites)) {
        this.declared.set(id, origins);
        if (!this.store.getSite(id)) this.store.upsertSite({ id, name: id, allowedOrigins: [], secret: newToken(), routingMode: 'auto', createdAt: at });
      }
    });
  }

  /** Whether a page of `origin` may open the site's chat and upload to it (exact match of scheme, host and port). */
  originAllowed(site: SiteRow, origin: string | undefined): boolean {
    return origin !== undefined && (site.allowedOrigins.includes(origin) || (this.declared.get(site.id)?.includes(origin) ?? false));
  }

  /** Every origin allowed for the site (stored and declared). */
  allOrigins(site: SiteRow): string[] {
    return [...new Set([...site.allowedOrigins, ...(this.declared.get(site.id) ?? [])])];
  }

  detail(siteId: string, publicUrl: string): SiteDetail | null {
    const site = this.store.getSite(siteId);
    if (!site) return null;
    return { id: site.id, name: site.name, origins: site.allowedOrigins, configOrigins: this.declared.get(site.id) ?? [], createdAt: site.createdAt, embed: embedOf(publicUrl, site.id) };
  }

  /** A new site (its id from the name when none is given: `shop`, then `shop-2`...). */
  async create(input: { id?: string; name: string; origins: string[] }, publicUrl: string): Promise<SiteDetail> {
    const at = this.now();
    const id = await this.commit.run(() => {
      let id = input.id;
      if (id) {
        if (this.store.getSite(id)) throw new RequestError(409, 'site_exists', `a site with the id "${id}" exists`);
      } else {
        const base = slugify(input.name);
        id = base;
        for (let n = 2; this.store.getSite(id); n++) id = `${base}-${n}`;
      }
      this.store.upsertSite({ id, name: input.name, allowedOrigins: input.origins, secret: newToken(), routingMode: 'auto', createdAt: at });
      return id;
    });
    return this.detail(id, publicUrl)!;
  }

  /** Renames a site or replaces its origins (new WebSocket handshakes and uploads follow at once). */
  async update(siteId: string, patch: { name?: string; origins?: string[] }, publicUrl: string): Promise<SiteDetail> {
    await this.commit.run(() => {
      const site = this.store.getSite(siteId);
      if (!site) throw new RequestError(404, 'not_found', 'no such site');
      if (patch.origins && patch.origins.length === 0 && !this.declared.get(siteId)?.length) {
        throw new RequestError(400, 'bad_request', 'origins: at least one origin is needed');
      }
      if (patch.name !== undefined) this.admin.rename(siteId, patch.name);
      if (patch.origins) this.store.setSiteOrigins(siteId, patch.origins);
    });
    return this.detail(siteId, publicUrl)!;
  }

  /** Deletes a site and everything of it: conversations, visitors, files, settings. Sites of SITE_ORIGINS are refused (they would come back). */
  async delete(siteId: string): Promise<void> {
    if (this.declared.has(siteId)) throw new RequestError(409, 'declared_site', 'this site is declared by SITE_ORIGINS in the server configuration: remove it there first');
    const gone = await this.commit.run(() => {
      const visitorIds = this.admin.visitorIds(siteId);
      const conversationIds = this.admin.liveConversationIds(siteId, this.now() - 24 * 3600_000);
      const files = this.admin.delete(siteId);
      if (!files) throw new RequestError(404, 'not_found', 'no such site');
      return { visitorIds, conversationIds, files };
    });
    this.cache.delete(siteId);
    this.widgetThisTurn.clear();
    for (const l of this.deletedListeners) l(siteId, gone.visitorIds, gone.files, gone.conversationIds);
  }

  /** Drops the cached settings of a site written outside this service. */
  forget(siteId: string): void {
    this.cache.delete(siteId);
    this.widgetThisTurn.clear();
  }

  settings(siteId: string): SiteSettings | null {
    const hit = this.cache.get(siteId);
    if (hit) return hit;
    const site = this.store.getSite(siteId);
    if (!site) return null;
    const stored = SiteSettings.partial().safeParse(JSON.parse(site.settings));
    const s: SiteSettings = { ...DEFAULT_SITE_SETTINGS, ...(stored.success ? stored.data : {}), routingMode: site.routingMode };
    this.cache.set(siteId, s);
    return s;
  }

  async saveSettings(siteId: string, s: SiteSettings): Promise<SiteSettings> {
    const { routingMode, ...rest } = s;
    const ok = await this.commit.run(() => this.store.setSiteSettings(siteId, routingMode, JSON.stringify(rest)));
    if (!ok) throw new ServiceError('not_found', 'no such site');
    this.cache.delete(siteId);
    this.widgetThisTurn.clear();
    return this.settings(siteId)!;
  }

  department(id: string): Department | null {
    const d = this.store.department(id);
    return d ? this.toDepartment(d) : null;
  }

  departments(siteId: string): Department[] {
    return this.store.departmentsOf(siteId).map((d) => this.toDepartment(d));
  }

  async createDepartment(siteId: string, input: Partial<Omit<Department, 'id' | 'siteId'>> & { name: string }): Promise<Department> {
    if (!this.store.getSite(siteId)) throw new ServiceError('not_found', 'no such site');
    const id = nanoid();
    await this.commit.run(() => {
      this.store.insertDepartment({
        id,
        siteId,
        name: input.name,
        nameIt: input.nameIt || null,
        urgency: input.urgency ?? 0,
        businessHours: input.businessHours ? JSON.stringify(input.businessHours) : null,
        slaFirstResponseSec: input.slaFirstResponseSec ?? null,
        createdAt: this.now(),
      });
      if (input.agentIds) this.setAgents(id, input.agentIds);
    });
    this.widgetThisTurn.clear();
    return this.department(id)!;
  }

  async updateDepartment(id: string, patch: Partial<Omit<Department, 'id' | 'siteId'>>): Promise<Department> {
    await this.commit.run(() => {
      const d = this.store.department(id);
      if (!d) throw new ServiceError('not_found', 'no such department');
      this.store.updateDepartment({
        id,
        name: patch.name ?? d.name,
        nameIt: patch.nameIt === undefined ? d.nameIt : patch.nameIt || null,
        urgency: patch.urgency ?? d.urgency,
        businessHours: patch.businessHours === undefined ? d.businessHours : patch.businessHours ? JSON.stringify(patch.businessHours) : null,
        slaFirstResponseSec: patch.slaFirstResponseSec === undefined ? d.slaFirstResponseSec : patch.slaFirstResponseSec,
      });
      if (patch.agentIds) this.setAgents(id, patch.agentIds);
    });
    this.widgetThisTurn.clear();
    return this.department(id)!;
  }

  async deleteDepartment(id: string): Promise<void> {
    const ok = await this.commit.run(() => this.store.deleteDepartment(id));
    this.widgetThisTurn.clear();
    if (!ok) throw new ServiceError('not_found', 'no such department');
  }

  private setAgents(departmentId: string, agentIds: string[]): void {
    for (const a of agentIds) if (!this.store.agentById(a)) throw new ServiceError('not_found', `no such agent: ${a}`);
    this.store.setDepartmentAgents(departmentId, agentIds);
  }

  /** The hours that apply to a department (its own, else the site's). */
  hoursOf(siteId: string, departmentId: string | null): BusinessHours | null {
    const d = departmentId ? this.store.department(departmentId) : undefined;
    const own = d ? parseHours(d.businessHours) : null;
    return own ?? this.settings(siteId)?.businessHours ?? null;
  }

  priorityRules(siteId: string): PriorityRules {
    return this.settings(siteId)?.priority ?? DEFAULT_PRIORITY_RULES;
  }

  /** First-response target in ms: the department's, else the site's. */
  slaTargetMs(siteId: string, departmentId: string | null): number {
    const d = departmentId ? this.store.department(departmentId) : undefined;
    return 1000 * (d?.slaFirstResponseSec ?? this.settings(siteId)?.slaFirstResponseSec ?? DEFAULT_SITE_SETTINGS.slaFirstResponseSec);
  }

  /**
   * What the widget needs, department names in the visitor's language (the welcome's `site`).
   * Computed once per site and language per turn of the event loop: after a restart every widget
   * comes back at once, and the welcomes of one group commit are all sent in the same turn.
   * Forgotten at the end of the turn, and at once when availability may have changed.
   */
  widgetSite(site: SiteRow, lang: 'en' | 'it' = 'en'): WidgetSite {
    const key = `${lang}:${site.id}`;
    const hit = this.widgetThisTurn.get(key);
    if (hit) return hit;
    const w = this.computeWidgetSite(site, lang);
    if (this.widgetThisTurn.size === 0) setImmediate(() => this.widgetThisTurn.clear());
    this.widgetThisTurn.set(key, w);
    return w;
  }

  /** Drops the widget sites computed in this turn (presence, hours, departments or settings changed). */
  forgetWidgetSites(): void {
    this.widgetThisTurn.clear();
  }

  private readonly widgetThisTurn = new Map<string, WidgetSite>();

  private computeWidgetSite(site: SiteRow, lang: 'en' | 'it'): WidgetSite {
    const at = this.now();
    const s = this.settings(site.id)!;
    // Read at every visitor welcome (thousands a second when a restart brings every widget back):
    // the online agents without their load, and the site's departments once.
    const departments = this.store.departmentsOf(site.id);
    const a = this.availability(site.id, this.store.onlineAgentDepartments(), departments);
    const byId = new Map(a.departments.map((d) => [d.id, d]));
    return {
      open: a.open,
      available: a.available,
      nextOpenAt: a.open ? null : nextOpening(s.businessHours, at),
      preChat: s.preChat,
      departments: departments.map((d) => {
        const da = byId.get(d.id);
        return { id: d.id, name: (lang === 'it' && d.nameIt) || d.name, open: da?.open ?? false, available: da?.available ?? false };
      }).sort((x, y) => x.name.localeCompare(y.name, lang)), // in the order of the names the visitor reads
      offerAlternativesAfterMs: s.offerAlternativesAfterSec * 1000,
      botMode: s.botMode ?? 'off',
      ...(this.emailEnabled?.(site.id) ? { email: true } : {}),
    };
  }

  /**
   * Whether someone could answer now, for the site and each department: within its business
   * hours, and an agent (of the department) online. `online`: the online agents, when the caller
   * has read them already (one read for several sites); `departments`: the site's, likewise.
   */
  availability(
    siteId: string,
    online: readonly Pick<AgentLoadRow, 'departmentIds' | 'siteIds'>[] = this.store.onlineAgentDepartments(),
    departments: readonly DepartmentRow[] = this.store.departmentsOf(siteId),
  ): SiteAvailability {
    const at = this.now();
    const siteHours = this.settings(siteId)!.businessHours;
    const open = isOpen(siteHours, at);
    online = online.filter((a) => worksOn(a, siteId)); // an agent of other sites only answers nobody here
    return {
      agentsOnline: online.length,
      open,
      available: open && online.length > 0,
      departments: departments.map((d) => {
        // The department's own hours, else the site's (hoursOf, without reading the department again).
        const dOpen = isOpen(parseHours(d.businessHours) ?? siteHours ?? null, at);
        return { id: d.id, open: dOpen, available: dOpen && online.some((x) => x.departmentIds.includes(d.id)) };
      }),
    };
  }

  private toDepartment(d: DepartmentRow): Department {
    return {
      id: d.id,
      siteId: d.siteId,
      name: d.name,
      nameIt: d.nameIt,
      urgency: d.urgency,
      businessHours: parseHours(d.businessHours),
      slaFirstResponseSec: d.slaFirstResponseSec,
      agentIds: this.store.agentsOfDepartment(d.id),
    };
  }
}
