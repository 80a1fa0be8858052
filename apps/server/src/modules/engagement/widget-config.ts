/**
 * The widget's public config (`GET /widget/config?site=ID`): the proactive rules that may fire now
 * and the site's branding, read by the loader's api.js on every page before the chat loads.
 *
 * A site that set nothing gets `{}`. A rule with requireAvailable is left out while nobody can
 * answer: no agent online in its department (any department when it names none) within its hours,
 * and the site's bot off. The brand carries only what the site set, plus the text colour that
 * contrasts more with its colour, the initials of up to 3 agents (showAgents) and the bucketed
 * median first response of the last 7 days (showReplyTime, computed at most every 10 minutes).
 */
import type { WidgetConfigQueries } from '@parla/db';
import { inkOn, type ReplyTime, type SiteSettings, type WidgetBrand, type WidgetConfig, type WidgetProactive } from '@parla/protocol';
import type { Sites } from '../sites/service.ts';
import { isOpen } from '../sites/hours.ts';

const WEEK_MS = 7 * 86_400_000;
const REPLY_TTL_MS = 10 * 60_000;

/** "Giulia Rossi" -> "GR", "marco" -> "M". */
export const initials = (name: string): string =>
  name
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => [...w][0]!.toUpperCase())
    .join('');

/** The median first response bucketed: within 5 minutes, an hour, a day; slower (or none) is not promised. */
export function replyBucket(ms: number | null): ReplyTime | undefined {
  if (ms === null) return undefined;
  return ms <= 5 * 60_000 ? 'm' : ms <= 3_600_000 ? 'h' : ms <= 86_400_000 ? 'd' : undefined;
}

export class WidgetConfigs {
  private readonly replies = new Map<string, { at: number; reply: ReplyTime | undefined }>();

  constructor(
    private readonly q: WidgetConfigQueries,
    private readonly sites: Sites,
    private readonly now: () => number,
  ) {}

  /** null: no such site. */
  config(siteId: string): WidgetConfig | null {
    const s = this.sites.settings(siteId);
    if (!s) return null;
    const out: WidgetConfig = {};
    const rules = this.rules(siteId, s);
    if (rules.length) out.proactive = rules;
    const brand = this.brand(siteId, s);
    if (brand) out.brand = brand;
    return out;
  }

  private rules(siteId: string, s: SiteSettings): WidgetProactive {
    const enabled = (s.proactive ?? []).filter((r) => r.enabled);
    if (!enabled.some((r) => r.requireAvailable)) return enabled.map(({ enabled: _, ...r }) => r);
    const bot = (s.botMode ?? 'off') !== 'off';
    const online = bot ? null : this.q.online();
    const at = this.now();
    const answerable = (departmentId: string | null) =>
      bot ||
      (!!online &&
        (departmentId ? online.departments.has(departmentId) : online.any) &&
        isOpen(this.sites.hoursOf(siteId, departmentId), at));
    return enabled.filter((r) => !r.requireAvailable || answerable(r.departmentId)).map(({ enabled: _, ...r }) => r);
  }

  private brand(siteId: string, s: SiteSettings): WidgetBrand | undefined {
    const b = s.branding;
    if (!b) return undefined;
    const out: WidgetBrand = {};
    if (b.color) {
      out.color = b.color;
      out.ink = inkOn(b.color);
    }
    if (b.position) out.position = b.position;
    if (b.teamName) out.team = b.teamName;
    if (b.greeting && (b.greeting.en || b.greeting.it)) out.greeting = b.greeting;
    const since = this.now() - WEEK_MS;
    if (b.showAgents) {
      const agents = this.q.agentNames(siteId, since).map(initials).filter(Boolean);
      if (agents.length) out.agents = agents;
    }
    if (b.showReplyTime) {
      const reply = this.replyTime(siteId, since);
      if (reply) out.reply = reply;
    }
    return Object.keys(out).length ? out : undefined;
  }

  private replyTime(siteId: string, since: number): ReplyTime | undefined {
    const hit = this.replies.get(siteId);
    if (hit && this.now() - hit.at < REPLY_TTL_MS) return hit.reply;
    const reply = replyBucket(this.q.medianFirstResponse(siteId, since));
    this.replies.set(siteId, { at: this.now(), reply });
    return reply;
  }
}
