/** The identity-verification strings of the settings page, in English and Italian. */
import { lang, type Lang } from './i18n.ts';

const en = {
  title: 'Identity verification',
  require: 'Refuse unverified identify() calls',
  requireHint:
    'Shops whose customers log in call Parla.identify({ userId, email, name, hash }) with hash = HMAC-SHA256(userId, site secret) in hex, computed on your server. Only a valid hash links the customer’s conversations across devices. When this is on, a missing or wrong hash is refused; otherwise the name and email are kept as unverified.',
  secret: 'Site secret',
  show: 'Show secret',
  hide: 'Hide',
  rotate: 'Rotate secret',
  confirmRotate: 'Rotate the site secret? Hashes made with the current secret stop working at once: update your server first.',
  rotated: 'A new secret is in use.',
  failed: (reason: string) => `Could not load the secret: ${reason}`,
};
export type SecurityDict = typeof en;

const it: SecurityDict = {
  title: 'Verifica dell’identità',
  require: 'Rifiuta le chiamate identify() non verificate',
  requireHint:
    'I negozi in cui i clienti accedono con un account chiamano Parla.identify({ userId, email, name, hash }) con hash = HMAC-SHA256(userId, segreto del sito) in esadecimale, calcolato sul vostro server. Solo un hash valido collega le conversazioni del cliente tra i dispositivi. Se attivo, un hash mancante o errato viene rifiutato; altrimenti nome ed email sono tenuti come non verificati.',
  secret: 'Segreto del sito',
  show: 'Mostra il segreto',
  hide: 'Nascondi',
  rotate: 'Cambia il segreto',
  confirmRotate: 'Cambiare il segreto del sito? Gli hash calcolati con il segreto attuale smettono subito di funzionare: aggiornate prima il vostro server.',
  rotated: 'È in uso un nuovo segreto.',
  failed: (reason: string) => `Impossibile caricare il segreto: ${reason}`,
};

const dictionaries: Record<Lang, SecurityDict> = { en, it };
export const tsec: SecurityDict = dictionaries[lang];
