/**
 * Tells connected visitors when "someone could answer" changes (issue #16, the honest offline
 * mode): an agent came, went or stepped away, or a site's or department's business hours opened
 * or closed. Every visitor socket subscribes to `site:<id>` at its welcome; a check computes each
 * such site's availability and publishes an `availability` frame only to sites where it differs
 * from what was last told. Presence changes are coalesced (one check per burst); hours are checked
 * on a slow timer.
 */
import type { Store } from '@parla/db';
import type { Hub } from '../../hub.ts';
import type { Sites } from './service.ts';

export const SITE_TOPIC = 'site:';
const COALESCE_MS = 250;
const HOURS_CHECK_MS = 30_000;

export class Availability {
  private readonly told = new Map<string, string>();
  private pending: NodeJS.Timeout | null = null;
  private readonly hours: NodeJS.Timeout;

  constructor(
    private readonly hub: Hub,
    private readonly sites: Sites,
    private readonly store: Store,
  ) {
    this.hours = setInterval(() => this.check(), HOURS_CHECK_MS);
    this.hours.unref();
  }

  /** Presence changed: checked shortly, once for a burst of changes. */
  changed(): void {
    this.sites.forgetWidgetSites(); // a welcome from now on reads it afresh
    if (this.pending) return;
    this.pending = setTimeout(() => {
      this.pending = null;
      this.check();
    }, COALESCE_MS);
    this.pending.unref();
  }

  /** Publishes to every site with visitors connected whose availability is not what they were last told. */
  check(): void {
    this.sites.forgetWidgetSites();
    const ids = this.hub.idsWithPrefix(SITE_TOPIC);
    for (const id of this.told.keys()) if (!ids.includes(id)) this.told.delete(id); // nobody left to tell
    if (ids.length === 0) return;
    const online = this.store.onlineAgentDepartments();
    for (const id of ids) {
      if (!this.sites.settings(id)) continue; // deleted meanwhile
      const a = this.sites.availability(id, online);
      const json = JSON.stringify(a);
      if (this.told.get(id) === json) continue;
      this.told.set(id, json);
      this.hub.publish(`${SITE_TOPIC}${id}`, { type: 'availability', ...a });
    }
  }

  stop(): void {
    clearInterval(this.hours);
    if (this.pending) clearTimeout(this.pending);
    this.pending = null;
  }
}
