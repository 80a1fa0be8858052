/**
 * A visitor's right to their data: export everything stored about them as JSON, and erase it.
 * The database is opened with secure_delete=ON (deleted content is overwritten with zeros), and
 * an erase ends with wal_checkpoint(TRUNCATE): afterwards nothing of the visitor is left in the
 * database file or its WAL.
 */
import type { GroupCommit, VisitorData } from '@parla/db';
import type { VisitorExport } from '@parla/protocol';
import { parseAttributes } from '../routing/priority.ts';
import type { Hub } from '../../hub.ts';
import { siteTopics } from '../../realtime/agent-sites.ts';
import type { Sockets } from './sockets.ts';

/** The files of a visitor's attachments (set by the attachments module): their rows go with the erase, then the files. */
export interface VisitorFiles {
  idsOfVisitor(visitorId: string): string[];
  deleteOfVisitor(visitorId: string): number;
  removeFiles(ids: string[]): void;
}

export class Privacy {
  files: VisitorFiles | null = null;
  /** Told the ids of an erased visitor's conversations after the erase, and awaited (the waiting lines drop them, freed agents take the next). */
  readonly erasedListeners: ((conversationIds: string[]) => void | Promise<void>)[] = [];

  constructor(
    private readonly data: VisitorData,
    private readonly commit: GroupCommit,
    private readonly visitorSockets: Sockets,
    private readonly hub: Hub,
    private readonly now: () => number = Date.now,
  ) {}

  export(visitorId: string): VisitorExport | null {
    const d = this.data.dump(visitorId);
    if (!d) return null;
    const { attributes, ...visitor } = d.visitor;
    return { exportedAt: this.now(), ...d, visitor, attributes: parseAttributes(typeof attributes === 'string' ? attributes : '{}') };
  }

  /** Deletes every row of the visitor, then checkpoints; false when there was no such visitor. */
  async erase(visitorId: string): Promise<boolean> {
    const before = this.data.dump(visitorId);
    const siteId = before ? String(before.visitor.siteId) : '';
    const conversations = (before?.conversations ?? []).map((c) => String(c.id));
    const { erased, files } = await this.commit.run(() => {
      const ids = this.files?.idsOfVisitor(visitorId) ?? [];
      this.files?.deleteOfVisitor(visitorId);
      return { erased: this.data.erase(visitorId), files: ids };
    });
    this.files?.removeFiles(files);
    if (!erased) return false;
    this.commit.flush();
    this.data.checkpoint();
    // Consoles drop the conversations; the visitor's widgets are told (they forget the visitor),
    // then their sockets close: a next hello makes a new visitor.
    for (const conversationId of conversations) this.hub.publishToAgents(siteTopics(siteId), { type: 'conversation.erased', conversationId });
    for (const l of this.erasedListeners) await l(conversations);
    this.hub.publish(`visitor:${visitorId}`, { type: 'privacy.erased' });
    this.visitorSockets.close(visitorId, 4404, 'visitor erased');
    return true;
  }
}
