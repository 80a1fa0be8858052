/** Every string the chat shows, in English and Italian. The loader keeps its own two labels. */
export type Lang = 'en' | 'it';

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
  inQueue: 'You are in the queue…',
  queuePos: (n: number) => `You are #${n} in the queue`,
  typing: 'Agent is typing…',
  label: 'Your message',
  placeholder: 'Write a message…',
  send: 'Send',
  sending: 'Sending…',
  sent: 'Sent',
  failed: (reason: string) => `Not sent: ${reason}`,
  you: 'You',
  agent: 'Agent',
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
  inQueue: 'Sei in coda…',
  queuePos: (n) => `Sei il n. ${n} in coda`,
  typing: "L'operatore sta scrivendo…",
  label: 'Il tuo messaggio',
  placeholder: 'Scrivi un messaggio…',
  send: 'Invia',
  sending: 'Invio…',
  sent: 'Inviato',
  failed: (reason) => `Non inviato: ${reason}`,
  you: 'Tu',
  agent: 'Operatore',
};

export const dict = (lang: Lang): Dict => (lang === 'it' ? it : en);
