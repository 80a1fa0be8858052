/** Capacity, snooze and automatic resolution (abandoned conversations) in the console, in English and Italian. */
import { lang, type Lang } from './i18n.ts';

const en = {
  capacity: {
    full: (n: number) => `You are at your limit of ${n} active conversation${n === 1 ? '' : 's'}`,
    hint: 'Resolve or snooze one of yours to take another.',
    noReply: 'Replying would take this conversation.',
  },
  snooze: {
    button: 'Snooze',
    menu: 'Snooze options',
    hour: 'For 1 hour',
    tomorrow: 'Until tomorrow 9:00',
    reply: 'Until the shopper replies',
    custom: 'Until a time…',
    customLabel: 'Snooze until (your local time)',
    apply: 'Snooze',
    cancel: 'Cancel',
    wake: 'Unsnooze',
    until: (when: string) => `Snoozed until ${when}`,
    untilReply: 'Snoozed until the shopper replies',
    back: 'Back from snooze',
    section: 'Snoozed',
    invalid: 'Pick a time in the future, within 30 days.',
  },
  auto: {
    inactivity: 'Resolved automatically: the shopper stopped replying',
    abandoned: 'Resolved automatically: the shopper left without an answer',
  },
  settings: {
    title: 'Abandoned conversations',
    hint: 'Conversations are resolved automatically so that shoppers who left do not hold agents’ places. No survey is sent for them; reports count them as “resolved by inactivity”. 0 turns a rule off.',
    inactivity: 'After an agent’s reply, resolve when the shopper has not written or typed for (minutes)',
    abandoned: 'Resolve an unanswered conversation when the shopper has closed the page for (minutes)',
    abandonedNote: 'Shoppers who left an email or asked for a call back are kept: they can still be answered.',
    save: 'Save',
    saved: 'Saved.',
    invalid: 'Enter minutes from 0 to 10080.',
    failed: (reason: string) => `Could not save: ${reason}`,
  },
};

type AbandonedDict = typeof en;

const it: AbandonedDict = {
  capacity: {
    full: (n) => `Hai raggiunto il tuo limite di ${n} conversazion${n === 1 ? 'e attiva' : 'i attive'}`,
    hint: 'Risolvine o posticipane una tua per prenderne un’altra.',
    noReply: 'Rispondere ti assegnerebbe questa conversazione.',
  },
  snooze: {
    button: 'Posticipa',
    menu: 'Opzioni per posticipare',
    hour: 'Per 1 ora',
    tomorrow: 'Fino a domani alle 9:00',
    reply: 'Finché il cliente risponde',
    custom: 'Fino a un orario…',
    customLabel: 'Posticipa fino a (ora locale)',
    apply: 'Posticipa',
    cancel: 'Annulla',
    wake: 'Riprendi ora',
    until: (when) => `Posticipata fino a ${when}`,
    untilReply: 'Posticipata finché il cliente risponde',
    back: 'Tornata dal posticipo',
    section: 'Posticipate',
    invalid: 'Scegli un orario futuro, entro 30 giorni.',
  },
  auto: {
    inactivity: 'Risolta automaticamente: il cliente non ha più risposto',
    abandoned: 'Risolta automaticamente: il cliente se n’è andato senza risposta',
  },
  settings: {
    title: 'Conversazioni abbandonate',
    hint: 'Le conversazioni vengono risolte automaticamente, così i clienti che se ne sono andati non occupano il posto degli operatori. Non si invia il sondaggio; i report le contano come “chiuse per inattività”. 0 disattiva la regola.',
    inactivity: 'Dopo una risposta dell’operatore, risolvi se il cliente non scrive né digita da (minuti)',
    abandoned: 'Risolvi una conversazione senza risposta se il cliente ha chiuso la pagina da (minuti)',
    abandonedNote: 'Chi ha lasciato un’email o chiesto di essere richiamato resta in attesa: gli si può ancora rispondere.',
    save: 'Salva',
    saved: 'Salvato.',
    invalid: 'Inserisci i minuti, da 0 a 10080.',
    failed: (reason) => `Impossibile salvare: ${reason}`,
  },
};

const dictionaries: Record<Lang, AbandonedDict> = { en, it };
export const ta: AbandonedDict = dictionaries[lang];
export const abandonedDict = (l: Lang): AbandonedDict => dictionaries[l];
