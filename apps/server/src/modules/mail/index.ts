/**
 * Email and attachments, wired into the server in one call: the services, their hooks into the
 * conversation transaction and the erase, the worker timers and the routes.
 */
import { AttachmentQueries, MailQueries } from '@parla/db';
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../core/services.ts';
import { attachmentRoutes } from '../attachments/routes.ts';
import { Attachments } from '../attachments/service.ts';
import { mailRoutes } from './routes.ts';
import { Email } from './service.ts';

declare module 'fastify' {
  interface FastifyInstance {
    parlaMail: Email;
    parlaFiles: Attachments;
  }
}

/** How often uploads never sent with a message are cleaned up. */
const STALE_SWEEP_MS = 10 * 60_000;

export async function emailAndAttachments(app: FastifyInstance, s: Services, now: () => number = Date.now): Promise<void> {
  const cfg = s.config;
  const mailQ = new MailQueries(s.db.sqlite);
  const email = new Email(
    s.store,
    mailQ,
    s.commit,
    s.hub,
    {
      publicUrl: cfg.PUBLIC_URL,
      replyDelayMs: cfg.MAIL_REPLY_DELAY_MS,
      transcriptsPerDay: cfg.TRANSCRIPTS_PER_VISITOR_DAY,
      transcriptIp: (ip, at) => s.security.limits.transcript(ip, at),
    },
    app.log,
    now,
  );
  const files = new Attachments(cfg.DATA_DIR, new AttachmentQueries(s.db.sqlite), s.commit, cfg.ATTACHMENT_MAX_BYTES, now);
  app.decorate('parlaMail', email);
  app.decorate('parlaFiles', files);

  s.conversations.txListeners.push(files.onItem, email.onItem);
  s.conversations.attachmentOf = files.check;
  s.sites.emailEnabled = (siteId) => email.enabled(siteId);
  s.team.hooks.mailer = email.sendAccountLink;
  s.security.identities.emailVerified = (visitorId, address) => mailQ.setConfirmedEmail(visitorId, address); // invitations and resets go by email when a site has SMTP
  s.sites.deletedListeners.push((_site, _visitors, fileIds) => files.removeFiles(fileIds));
  const aq = new AttachmentQueries(s.db.sqlite);
  s.security.privacy.files = { idsOfVisitor: (v) => aq.idsOfVisitor(v), deleteOfVisitor: (v) => aq.deleteOfVisitor(v), removeFiles: (ids) => files.removeFiles(ids) };

  const fail = (what: string) => (err: unknown) => app.log.error({ err }, `${what} failed`);
  const mailTimer = setInterval(() => void email.sweep().catch(fail('email sweep')), cfg.MAIL_SWEEP_MS);
  const staleTimer = setInterval(() => {
    void files.sweepStale().catch(fail('stale upload sweep'));
    void s.commit
      .run(() => {
        mailQ.purgeLinks(now());
        mailQ.purgeConfirmations(now());
      })
      .catch(fail('expired link purge'));
  }, STALE_SWEEP_MS);
  mailTimer.unref();
  staleTimer.unref();
  app.addHook('onClose', async () => {
    clearInterval(mailTimer);
    clearInterval(staleTimer);
    email.stop();
  });

  await attachmentRoutes(app, s, files);
  mailRoutes(app, s, email, mailQ, files, now);
}
