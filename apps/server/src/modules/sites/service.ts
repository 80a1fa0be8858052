import type { DepartmentRow, GroupCommit, SiteRow, Store } from '@parla/db';
import { BusinessHours, DEFAULT_PRIORITY_RULES, DEFAULT_SITE_SETTINGS, SiteSettings, type Department, type PriorityRules, type WidgetSite } from '@parla/protocol';
import { nanoid } from 'nanoid';
import { newToken } from '../../lib/crypto.ts';
import { ServiceError } from '../conversations/errors.ts';
import { isOpen, nextOpening } from './hours.ts';

/** Applies SITE_ORIGINS: creates missing sites, replaces the allowlist of existing ones. */
export function applySiteOrigins(store: Store, sites: Record<string, string[]>, now: number): void {
  for (const [id, origins] of Object.entries(sites)) {
    if (!store.setSiteOrigins(id, origins)) {
      store.upsertSite({ id, name: id, allowedOrigins: origins, secret: newToken(), routingMode: 'auto', createdAt: now });
    }
  }
}

function parseHours(json: string | null): BusinessHours | null {
  if (!json) return null;
  const r = BusinessHours.safeParse(JSON.parse(json));
  return r.success ? r.data : null;
}

/** Site settings, departments and what follows from them (open now, SLA targets). Settings are cached. */
export class Sites {
  private readonly cache = new Map<string, SiteSettings>();
  /** Whether a site can send email (set by the mail module; told to the widget). */
  emailEnabled: ((siteId: string) => boolean) | null = null;

  constructor(
    private readonly store: Store,
    private readonly commit: GroupCommit,
    private readonly now: () => number = Date.now,
  ) {}

  list(): { id: string; name: string }[] {
    return this.store.listSites().map((s) => ({ id: s.id, name: s.name }));
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
        urgency: input.urgency ?? 0,
        businessHours: input.businessHours ? JSON.stringify(input.businessHours) : null,
        slaFirstResponseSec: input.slaFirstResponseSec ?? null,
        createdAt: this.now(),
      });
      if (input.agentIds) this.setAgents(id, input.agentIds);
    });
    return this.department(id)!;
  }

  async updateDepartment(id: string, patch: Partial<Omit<Department, 'id' | 'siteId'>>): Promise<Department> {
    await this.commit.run(() => {
      const d = this.store.department(id);
      if (!d) throw new ServiceError('not_found', 'no such department');
      this.store.updateDepartment({
        id,
        name: patch.name ?? d.name,
        urgency: patch.urgency ?? d.urgency,
        businessHours: patch.businessHours === undefined ? d.businessHours : patch.businessHours ? JSON.stringify(patch.businessHours) : null,
        slaFirstResponseSec: patch.slaFirstResponseSec === undefined ? d.slaFirstResponseSec : patch.slaFirstResponseSec,
      });
      if (patch.agentIds) this.setAgents(id, patch.agentIds);
    });
    return this.department(id)!;
  }

  async deleteDepartment(id: string): Promise<void> {
    const ok = await this.commit.run(() => this.store.deleteDepartment(id));
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

  /** What the widget is told on connect. */
  widgetSite(site: SiteRow): WidgetSite {
    const at = this.now();
    const s = this.settings(site.id)!;
    const open = isOpen(s.businessHours, at);
    return {
      open,
      nextOpenAt: open ? null : nextOpening(s.businessHours, at),
      preChat: s.preChat,
      departments: this.store.departmentsOf(site.id).map((d) => ({ id: d.id, name: d.name, open: isOpen(this.hoursOf(site.id, d.id), at) })),
      offerAlternativesAfterMs: s.offerAlternativesAfterSec * 1000,
      botMode: s.botMode ?? 'off',
      ...(this.emailEnabled?.(site.id) ? { email: true } : {}),
    };
  }

  private toDepartment(d: DepartmentRow): Department {
    return {
      id: d.id,
      siteId: d.siteId,
      name: d.name,
      urgency: d.urgency,
      businessHours: parseHours(d.businessHours),
      slaFirstResponseSec: d.slaFirstResponseSec,
      agentIds: this.store.agentsOfDepartment(d.id),
    };
  }
}
