/**
 * What the emails say, in English and Italian. Every piece of user text (messages, names, file
 * names) is escaped before it goes into HTML; the plain-text part carries the same content.
 */
import type { TranscriptLine } from '@parla/db';

export type Lang = 'en' | 'it';

export interface Mail {
  subject: string;
  text: string;
  html: string;
}

const T = {
  en: {
    replySubject: (site: string) => `New reply from ${site}`,
    replyIntro: (site: string) => `You have a new reply in your conversation with ${site}:`,
    transcriptSubject: (site: string) => `Your conversation with ${site}`,
    transcriptIntro: (site: string) => `Here is the transcript of your conversation with ${site}:`,
    open: 'Open the conversation',
    openHint: 'This link opens the conversation; do not forward this email.',
    you: 'You',
    agent: 'Agent',
    bot: 'Assistant',
    system: 'Note',
    file: 'file',
    page: (site: string) => `Conversation with ${site}`,
    continue: (shop: string) => `Continue on ${shop}`,
    expired: 'This link has expired or is not valid.',
    title: 'Conversation',
    confirmSubject: (site: string) => `Confirm your email address for ${site}`,
    confirmBody: (site: string) =>
      `Someone asked for the transcript of a chat with ${site} to be sent to this address. If it was you, open this link and confirm (it works once, for 24 hours):`,
    confirmIgnore: 'If it was not you, ignore this email: nothing will be sent.',
    confirmAsk: (site: string) => `Send the transcript of your chat with ${site} to this address?`,
    confirmButton: 'Yes, send it',
    confirmDone: 'Thank you: the transcript is on its way.',
  },
  it: {
    replySubject: (site: string) => `Nuova risposta da ${site}`,
    replyIntro: (site: string) => `Hai una nuova risposta nella tua conversazione con ${site}:`,
    transcriptSubject: (site: string) => `La tua conversazione con ${site}`,
    transcriptIntro: (site: string) => `Ecco la trascrizione della tua conversazione con ${site}:`,
    open: 'Apri la conversazione',
    openHint: 'Questo link apre la conversazione; non inoltrare questa email.',
    you: 'Tu',
    agent: 'Operatore',
    bot: 'Assistente',
    system: 'Nota',
    file: 'file',
    page: (site: string) => `Conversazione con ${site}`,
    continue: (shop: string) => `Continua su ${shop}`,
    expired: 'Questo link è scaduto o non è valido.',
    title: 'Conversazione',
    confirmSubject: (site: string) => `Conferma il tuo indirizzo email per ${site}`,
    confirmBody: (site: string) =>
      `Qualcuno ha chiesto di inviare a questo indirizzo la trascrizione di una chat con ${site}. Se sei stato tu, apri questo link e conferma (vale una volta, per 24 ore):`,
    confirmIgnore: 'Se non sei stato tu, ignora questa email: non verrà inviato nulla.',
    confirmAsk: (site: string) => `Inviare a questo indirizzo la trascrizione della tua chat con ${site}?`,
    confirmButton: 'Sì, inviala',
    confirmDone: 'Grazie: la trascrizione è in arrivo.',
  },
} as const;

export const texts = (lang: Lang) => T[lang];

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function attachmentName(l: TranscriptLine): string | null {
  if (!l.meta) return null;
  const m = JSON.parse(l.meta) as { attachment?: { name: string } };
  return m.attachment?.name ?? null;
}

/** Who said a line, as the visitor sees it. */
export function speaker(l: TranscriptLine, lang: Lang): string {
  const t = T[lang];
  if (l.authorType === 'visitor') return t.you;
  if (l.authorType === 'agent') return l.authorName || t.agent;
  if (l.authorType === 'bot') return l.authorName || t.bot;
  return t.system;
}

function when(at: number, lang: Lang): string {
  return new Date(at).toLocaleString(lang === 'it' ? 'it-IT' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }) + ' UTC';
}

function linesText(lines: TranscriptLine[], lang: Lang): string {
  return lines
    .map((l) => {
      const file = attachmentName(l);
      return `${speaker(l, lang)} (${when(l.createdAt, lang)}):\n${l.body}${file ? `\n[${T[lang].file}: ${file}]` : ''}`;
    })
    .join('\n\n');
}

function linesHtml(lines: TranscriptLine[], lang: Lang): string {
  return lines
    .map((l) => {
      const file = attachmentName(l);
      return `<p style="margin:0 0 12px"><strong>${escapeHtml(speaker(l, lang))}</strong> <span style="color:#666">${escapeHtml(when(l.createdAt, lang))}</span><br>${escapeHtml(l.body).replace(/\n/g, '<br>')}${file ? `<br><em>${escapeHtml(T[lang].file)}: ${escapeHtml(file)}</em>` : ''}</p>`;
    })
    .join('\n');
}

function wrap(intro: string, lines: TranscriptLine[], link: string, lang: Lang): { text: string; html: string } {
  const t = T[lang];
  return {
    text: `${intro}\n\n${linesText(lines, lang)}\n\n${t.open}: ${link}\n${t.openHint}\n`,
    html: `<!doctype html><html lang="${lang}"><body style="font-family:sans-serif;line-height:1.4"><p>${escapeHtml(intro)}</p>${linesHtml(lines, lang)}<p><a href="${escapeHtml(link)}">${escapeHtml(t.open)}</a></p><p style="color:#666;font-size:12px">${escapeHtml(t.openHint)}</p></body></html>`,
  };
}

export function replyMail(site: string, lines: TranscriptLine[], link: string, lang: Lang): Mail {
  return { subject: T[lang].replySubject(site), ...wrap(T[lang].replyIntro(site), lines, link, lang) };
}

export function transcriptMail(site: string, lines: TranscriptLine[], link: string, lang: Lang): Mail {
  return { subject: T[lang].transcriptSubject(site), ...wrap(T[lang].transcriptIntro(site), lines, link, lang) };
}

/** To agents (their language is not known): both languages. */
export function waitingMail(site: string, visitor: string, firstMessage: string, consoleUrl: string): Mail {
  const en = `A visitor (${visitor}) is waiting on ${site} and no agent is online. They wrote:\n\n${firstMessage}\n\nAnswer in the console: ${consoleUrl}`;
  const it = `Un visitatore (${visitor}) è in attesa su ${site} e nessun operatore è online. Ha scritto:\n\n${firstMessage}\n\nRispondi dalla console: ${consoleUrl}`;
  return {
    subject: `[${site}] A visitor is waiting / Un visitatore è in attesa`,
    text: `${en}\n\n---\n\n${it}\n`,
    html: `<!doctype html><html><body style="font-family:sans-serif;line-height:1.4">${[en, it].map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`).join('<hr>')}<p><a href="${escapeHtml(consoleUrl)}">${escapeHtml(consoleUrl)}</a></p></body></html>`,
  };
}

/** An invitation to the team, or a password reset, to an agent (both languages). */
export function accountLinkMail(kind: 'invite' | 'reset', name: string, url: string, expiresAt: number): Mail {
  const until = (lang: Lang) => when(expiresAt, lang);
  const en =
    kind === 'invite'
      ? `Hello ${name},\n\nyou have been added to the Parla team. Choose your password here (the link works once, until ${until('en')}):`
      : `Hello ${name},\n\nan admin issued a new password link for your Parla account. Choose a new password here (the link works once, until ${until('en')}):`;
  const it =
    kind === 'invite'
      ? `Ciao ${name},\n\nsei stato aggiunto al team di Parla. Scegli la tua password qui (il link vale una volta, fino al ${until('it')}):`
      : `Ciao ${name},\n\nun amministratore ha creato un nuovo link per la password del tuo account Parla. Scegli una nuova password qui (il link vale una volta, fino al ${until('it')}):`;
  const note = 'Do not forward this email. / Non inoltrare questa email.';
  return {
    subject: kind === 'invite' ? 'Your Parla account / Il tuo account Parla' : 'Your Parla password / La tua password di Parla',
    text: `${en}\n${url}\n\n---\n\n${it}\n${url}\n\n${note}\n`,
    html: `<!doctype html><html><body style="font-family:sans-serif;line-height:1.4">${[en, it]
      .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p><p><a href="${escapeHtml(url)}">${escapeHtml(url)}</a></p>`)
      .join('<hr>')}<p><small>${escapeHtml(note)}</small></p></body></html>`,
  };
}

/** The page a link in an email opens: the transcript, and a way back to the shop. */
export function conversationPage(site: string, lines: TranscriptLine[], lang: Lang, fileUrl: (attachmentId: string) => string, shopUrl: string | null): string {
  const t = T[lang];
  const body = lines
    .map((l) => {
      const meta = l.meta ? (JSON.parse(l.meta) as { attachment?: { id: string; name: string; mime: string } }) : {};
      const a = meta.attachment;
      const file = a
        ? a.mime.startsWith('image/')
          ? `<br><a href="${escapeHtml(fileUrl(a.id))}"><img src="${escapeHtml(fileUrl(a.id))}" alt="${escapeHtml(a.name)}" style="max-width:240px;max-height:240px"></a>`
          : `<br><a href="${escapeHtml(fileUrl(a.id))}">${escapeHtml(a.name)}</a>`
        : '';
      const mine = l.authorType === 'visitor';
      return `<div class="m${mine ? ' me' : ''}"><b>${escapeHtml(speaker(l, lang))}</b> <small>${escapeHtml(when(l.createdAt, lang))}</small><div>${escapeHtml(l.body).replace(/\n/g, '<br>')}${file}</div></div>`;
    })
    .join('\n');
  const shop = shopUrl ? `<p><a class="btn" href="${escapeHtml(shopUrl)}" rel="noreferrer">${escapeHtml(t.continue(new URL(shopUrl).host))}</a></p>` : '';
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(t.page(site))}</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.4}.m{background:#f1f1f4;border-radius:10px;padding:.5rem .75rem;margin:.5rem 0;overflow-wrap:anywhere}.me{background:#e2ecff}small{color:#666}.btn{display:inline-block;background:#1d4ed8;color:#fff;padding:.5rem 1rem;border-radius:8px;text-decoration:none}</style></head>
<body><h1>${escapeHtml(t.page(site))}</h1>${body}${shop}</body></html>`;
}

/** The confirmation of an address: the shop's name and the link, nothing the visitor wrote. */
export function confirmMail(site: string, url: string, lang: Lang): Mail {
  const t = T[lang];
  return {
    subject: t.confirmSubject(site),
    text: `${t.confirmBody(site)}\n\n${url}\n\n${t.confirmIgnore}\n`,
    html: `<!doctype html><html lang="${lang}"><body style="font-family:sans-serif;line-height:1.4"><p>${escapeHtml(t.confirmBody(site))}</p><p><a href="${escapeHtml(url)}">${escapeHtml(url)}</a></p><p>${escapeHtml(t.confirmIgnore)}</p></body></html>`,
  };
}

/**
 * The page a confirmation link opens: a button that confirms (a POST: mail scanners that fetch
 * every link in an email must not confirm for the reader), or the outcome.
 */
export function confirmPage(site: string, lang: Lang, state: 'ask' | 'done'): string {
  const t = T[lang];
  const body =
    state === 'ask'
      ? `<p>${escapeHtml(t.confirmAsk(site))}</p><form method="post"><button type="submit">${escapeHtml(t.confirmButton)}</button></form>`
      : `<p>${escapeHtml(t.confirmDone)}</p>`;
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(t.confirmSubject(site))}</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;line-height:1.4}button{background:#1d4ed8;color:#fff;border:0;padding:.6rem 1.2rem;border-radius:8px;font-size:1rem}</style></head><body>${body}</body></html>`;
}

export function expiredPage(lang: Lang): string {
  const t = T[lang];
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(t.title)}</title></head><body><p>${escapeHtml(t.expired)}</p></body></html>`;
}
