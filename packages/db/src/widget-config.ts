/** What the widget's public config reads besides the site's settings (prepared once). */
import type Database from 'better-sqlite3';

export class WidgetConfigQueries {
  private readonly s;

  constructor(sqlite: Database.Database) {
    const p = (sql: string) => sqlite.prepare(sql);
    // First responses of conversations created since @since: the domain's FRT (first agent reply − queued).
    const frt = `FROM conversations WHERE site_id = @site AND created_at >= @since AND first_agent_reply_at IS NOT NULL AND queued_at IS NOT NULL`;
    this.s = {
      median: p(`SELECT first_agent_reply_at - queued_at AS ms ${frt} ORDER BY ms LIMIT 1 OFFSET (SELECT (count(*) - 1) / 2 ${frt})`),
      // Up to 3 active agents: those online first, then those who answered the site's shoppers since @since.
      faces: p(`SELECT name FROM agents WHERE deactivated_at IS NULL AND (presence = 'online' OR id IN
        (SELECT agent_id FROM conversations WHERE site_id = @site AND created_at >= @since AND first_agent_reply_at IS NOT NULL))
        ORDER BY presence = 'online' DESC, name LIMIT 3`),
      // The departments with an agent online (an agent online at all: any = 1).
      online: p(`SELECT ad.department_id AS departmentId FROM agent_departments ad JOIN agents a ON a.id = ad.agent_id
        WHERE a.presence = 'online' AND a.deactivated_at IS NULL`),
      anyOnline: p(`SELECT count(*) AS n FROM agents WHERE presence = 'online' AND deactivated_at IS NULL`),
    };
  }

  /** The median first response (ms) of the site's conversations created since `since`, or null without any. */
  medianFirstResponse(site: string, since: number): number | null {
    const r = this.s.median.get({ site, since }) as { ms: number } | undefined;
    return r ? r.ms : null;
  }

  agentNames(site: string, since: number): string[] {
    return (this.s.faces.all({ site, since }) as { name: string }[]).map((r) => r.name);
  }

  /** Whether any agent is online, and the departments that have one. */
  online(): { any: boolean; departments: Set<string> } {
    const any = (this.s.anyOnline.get() as { n: number }).n > 0;
    return { any, departments: new Set(any ? (this.s.online.all() as { departmentId: string }[]).map((r) => r.departmentId) : []) };
  }
}
