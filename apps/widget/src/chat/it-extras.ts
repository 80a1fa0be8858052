/** The Italian strings of the chat's rarely needed parts (extras.tsx): src/chat/it-extras.ts -> dist/widget/it-extras.js, loaded with them. */
import type { ExtraDict } from './i18n.ts';

const x: ExtraDict = {
  download: 'Scarica i miei dati',
  erase: 'Cancella i miei dati',
  confirmErase: 'Cancellare questa chat e tutto ciò che sappiamo di te? Non si può annullare.',
  cancel: 'Annulla',
  eraseYes: 'Sì, cancella',
  backAt: (day, time) => `Torniamo ${day ? `${day} ` : ''}alle ${time}`,
  noAgents: 'Al momento nessun operatore è disponibile. Lasciaci la tua email e ti risponderemo lì appena qualcuno torna, oppure lascia un messaggio o chiedi di essere richiamato.',
  held: 'Il tuo messaggio è salvato: ti risponderemo appena qualcuno sarà disponibile',
  emailWhy: 'Per ricevere la nostra risposta',
  leave: 'Lascia un messaggio',
  call: 'Chiedi di essere richiamato',
  dontWait: 'Non vuoi aspettare? Lasciaci un messaggio o chiedi di essere richiamato.',
  back: 'Indietro',
  timeHint: 'es. domani dopo le 15',
  thanks: (email) => `Grazie! Ti risponderemo a ${email}`,
  willCall: (phone) => `Grazie! Ti chiameremo al ${phone}`,
  rateAsk: 'Com’è andata questa conversazione?',
  rates: ['Pessimo', 'Scarso', 'Normale', 'Buono', 'Ottimo'],
  rateThanks: 'Grazie per la tua opinione!',
  rateChange: 'Puoi cambiare il voto entro 24 ore.',
  comment: 'Vuoi aggiungere qualcosa? (facoltativo)',
  sendComment: 'Invia commento',
};

export default x;
