/** Every string the chat shows, in English and Italian. The loader keeps its own two labels. */
import type { EventItem, VisitorConversation } from '@parla/protocol';

export type Lang = 'en' | 'it';

/** The fields of the pre-chat, offline-message and callback forms (their ids and labels). */
export type FieldId = 'name' | 'email' | 'department' | 'body' | 'phone' | 'time' | 'note';
/** What is wrong with a field's value. */
export type Problem = 'required' | 'email' | 'phone';

const secs = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

const en = {
  title: 'Chat with us',
  close: 'Close chat',
  connecting: 'Connecting…',
  online: 'We are online',
  offline: 'Leave us a message',
  queued: 'An agent will reply soon',
  here: (name: string) => `${name} is here`,
  resolved: 'Resolved',
  greeting: 'Hi! How can we help you?',
  noAgents: "No agent is available right now; we'll answer as soon as possible. You can leave your message here.",
  joined: (name: string) => `${name} joined the chat`,
  convResolved: 'Conversation resolved',
  transferredTo: (name: string) => `You have been transferred to ${name}`,
  transferredTeam: 'Your conversation was passed to the right team',
  inQueue: 'You are in the queue…',
  queuePos: (n: number) => `You are #${n} in the queue`,
  waitOnly: (w: string) => `Estimated wait: ${w}`,
  underMinute: 'under a minute',
  aboutMin: (n: number) => `about ${n} min`,
  typing: 'Agent is typing…',
  label: 'Your message',
  placeholder: 'Write a message…',
  send: 'Send',
  sending: 'Sending…',
  sent: 'Sent',
  failed: (reason: string) => `Not sent: ${reason}`,
  /** `ms`: the server's retryAfterMs. */
  yourData: 'Your data',
  download: 'Download my data',
  erase: 'Delete my data',
  confirmErase: 'Delete this chat and everything we know about you? This cannot be undone.',
  tooFast: (ms: number) => `Not sent: you are writing too fast. Try again in ${secs(ms)} s`,
  you: 'You',
  agent: 'Agent',
  /** Who a proactive message comes from. */
  team: 'Our team',
  closed: "We're offline right now",
  /** day: '' when it is today. */
  backAt: (day: string, time: string) => `We're back ${day ? `on ${day} ` : ''}at ${time}`,
  leave: 'Leave a message',
  call: 'Request a call back',
  dontWait: "Don't want to wait? Leave a message or ask us to call you back.",
  back: 'Back',
  optional: '(optional)',
  choose: 'Choose…',
  closedDept: ' (closed)',
  timeHint: 'e.g. tomorrow after 3pm',
  f: { name: 'Name', email: 'Email', department: 'Department', body: 'Message', phone: 'Phone', time: 'Preferred time', note: 'Note' } as Record<FieldId, string>,
  bad: {
    required: 'Please fill in this field',
    email: 'Please enter a valid email address',
    phone: 'Please enter a phone number (digits, spaces, + - . ( ))',
  } as Record<Problem, string>,
  thanks: (email: string) => `Thanks! We'll answer at ${email}`,
  willCall: (phone: string) => `Thanks! We'll call you at ${phone}`,
  callPending: "We'll call you back as soon as we can",
  bot: 'Bot',
  assistant: 'Virtual assistant',
  helpful: 'Did this solve it?',
  yes: 'Yes, thanks',
  no: 'No, talk to a person',
  notQuite: 'Not quite',
  human: 'Talk to a person',
  suggested: 'Suggested questions',
  rateAsk: 'How was this conversation?',
  rates: ['Very dissatisfied', 'Dissatisfied', 'Neutral', 'Satisfied', 'Very satisfied'],
  rateThanks: 'Thanks for your feedback!',
  rateChange: 'You can change your rating for 24 hours.',
  comment: 'Anything to add? (optional)',
  sendComment: 'Send comment',
  attach: 'Attach an image or PDF',
  transcript: 'Email me the transcript',
  yourEmail: 'Your email address',
  mailed: (to: string) => `The transcript is on its way to ${to}.`,
  file: 'File',
};

export type Dict = typeof en;

const it: Dict = {
  title: 'Scrivici',
  close: 'Chiudi la chat',
  connecting: 'Connessione…',
  online: 'Siamo online',
  offline: 'Lasciaci un messaggio',
  queued: 'Un operatore ti risponderà a breve',
  here: (name) => `${name} è qui`,
  resolved: 'Risolta',
  greeting: 'Ciao! Come possiamo aiutarti?',
  noAgents: 'Al momento nessun operatore è disponibile; ti risponderemo appena possibile. Puoi lasciare qui il tuo messaggio.',
  joined: (name) => `${name} si è unito alla chat`,
  convResolved: 'Conversazione risolta',
  transferredTo: (name) => `La tua conversazione è stata trasferita a ${name}`,
  transferredTeam: 'La tua conversazione è stata passata al team giusto',
  inQueue: 'Sei in coda…',
  queuePos: (n) => `Sei il n. ${n} in coda`,
  waitOnly: (w) => `Attesa stimata: ${w}`,
  underMinute: 'meno di un minuto',
  aboutMin: (n) => `circa ${n} min`,
  typing: "L'operatore sta scrivendo…",
  label: 'Il tuo messaggio',
  placeholder: 'Scrivi un messaggio…',
  send: 'Invia',
  sending: 'Invio…',
  sent: 'Inviato',
  failed: (reason) => `Non inviato: ${reason}`,
  yourData: 'I tuoi dati',
  download: 'Scarica i miei dati',
  erase: 'Cancella i miei dati',
  confirmErase: 'Cancellare questa chat e tutto ciò che sappiamo di te? Non si può annullare.',
  tooFast: (ms) => `Non inviato: stai scrivendo troppo in fretta. Riprova tra ${secs(ms)} s`,
  you: 'Tu',
  agent: 'Operatore',
  team: 'Il nostro team',
  closed: 'Al momento siamo offline',
  backAt: (day, time) => `Torniamo ${day ? `${day} ` : ''}alle ${time}`,
  leave: 'Lascia un messaggio',
  call: 'Chiedi di essere richiamato',
  dontWait: 'Non vuoi aspettare? Lasciaci un messaggio o chiedi di essere richiamato.',
  back: 'Indietro',
  optional: '(facoltativo)',
  choose: 'Scegli…',
  closedDept: ' (chiuso)',
  timeHint: 'es. domani dopo le 15',
  f: { name: 'Nome', email: 'Email', department: 'Reparto', body: 'Messaggio', phone: 'Telefono', time: 'Orario preferito', note: 'Note' },
  bad: {
    required: 'Compila questo campo',
    email: 'Inserisci un indirizzo email valido',
    phone: 'Inserisci un numero di telefono (cifre, spazi, + - . ( ))',
  },
  thanks: (email) => `Grazie! Ti risponderemo a ${email}`,
  willCall: (phone) => `Grazie! Ti chiameremo al ${phone}`,
  callPending: 'Ti richiameremo appena possibile',
  bot: 'Assistente virtuale',
  assistant: 'Assistente virtuale',
  helpful: 'Ti è stato utile?',
  yes: 'Sì, grazie',
  no: 'No, parla con una persona',
  notQuite: 'Non proprio',
  human: 'Parla con una persona',
  suggested: 'Domande suggerite',
  rateAsk: 'Com’è andata questa conversazione?',
  rates: ['Per niente soddisfatto', 'Poco soddisfatto', 'Nella media', 'Soddisfatto', 'Molto soddisfatto'],
  rateThanks: 'Grazie per la tua opinione!',
  rateChange: 'Puoi cambiare il voto entro 24 ore.',
  comment: 'Vuoi aggiungere qualcosa? (facoltativo)',
  sendComment: 'Invia commento',
  attach: 'Allega un’immagine o un PDF',
  transcript: 'Inviami la trascrizione via email',
  yourEmail: 'Il tuo indirizzo email',
  mailed: (to) => `La trascrizione è in arrivo a ${to}.`,
  file: 'File',
};

export const dict = (lang: Lang): Dict => (lang === 'it' ? it : en);

/** The system line for a stream event the widget shows (never sla_breached: the model drops it). */
export function eventText(e: EventItem, t: Dict): string {
  return e.event === 'assigned'
    ? t.joined(e.agentName ?? t.agent)
    : e.event === 'resolved'
      ? t.convResolved
      : e.event === 'transferred'
        ? e.agentName
          ? t.transferredTo(e.agentName)
          : t.transferredTeam
        : t.inQueue;
}

/** "You are #2 in the queue · about 3 min", "Estimated wait: under a minute", or "You are in the queue…". */
export function queueText(c: Pick<VisitorConversation, 'queuePosition' | 'estimatedWaitMs'>, t: Dict): string {
  const ms = c.estimatedWaitMs;
  const wait = ms == null ? '' : ms < 60_000 ? t.underMinute : t.aboutMin(Math.round(ms / 60_000));
  const pos = c.queuePosition;
  return pos ? t.queuePos(pos) + (wait && ` · ${wait}`) : wait ? t.waitOnly(wait) : t.inQueue;
}

/** "We're back at 9:00 AM" today, "We're back on Monday at 9:00 AM" this week, with the date further out. */
export function backAt(at: number, lang: Lang, t: Dict, now = Date.now()): string {
  const d = new Date(at);
  const fmt = (o: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(lang, o).format(d);
  const day =
    d.toDateString() === new Date(now).toDateString()
      ? ''
      : fmt(at - now < 6 * 864e5 ? { weekday: 'long' } : { weekday: 'long', day: 'numeric', month: 'long' });
  return t.backAt(day, fmt({ hour: 'numeric', minute: '2-digit' }));
}
