/** The strings of attachments and email settings, in English and Italian. */
import { lang, type Lang } from './i18n.ts';

const en = {
  attach: 'Attach an image or PDF',
  uploading: 'Uploading…',
  refused: (reason: string) => `File not sent: ${reason}`,
  open: (name: string) => `Open ${name}`,
  kb: (n: number) => `${n} KB`,
  smtp: {
    title: 'Email (SMTP)',
    hint: 'Replies reach shoppers who left by email, shoppers can ask for the transcript, and agents hear of a waiting conversation when nobody is online. Mail goes through this server.',
    host: 'Server',
    port: 'Port',
    secure: 'TLS from the start (usually port 465)',
    user: 'User name',
    password: 'Password',
    passwordKept: 'Stored (leave empty to keep it)',
    from: 'From address',
    save: 'Save email settings',
    remove: 'Remove',
    saved: 'Email settings saved.',
    removed: 'Email is off for this site.',
    failed: (reason: string) => `Could not save: ${reason}`,
    off: 'Email is off for this site.',
  },
};
export type FilesDict = typeof en;

const it: FilesDict = {
  attach: 'Allega un’immagine o un PDF',
  uploading: 'Caricamento…',
  refused: (reason) => `File non inviato: ${reason}`,
  open: (name) => `Apri ${name}`,
  kb: (n) => `${n} KB`,
  smtp: {
    title: 'Email (SMTP)',
    hint: 'Le risposte raggiungono via email i clienti che se ne sono andati, i clienti possono chiedere la trascrizione e gli operatori sono avvisati di una conversazione in attesa quando nessuno è online. La posta passa da questo server.',
    host: 'Server',
    port: 'Porta',
    secure: 'TLS dall’inizio (di solito porta 465)',
    user: 'Nome utente',
    password: 'Password',
    passwordKept: 'Salvata (lascia vuoto per mantenerla)',
    from: 'Indirizzo del mittente',
    save: 'Salva le impostazioni email',
    remove: 'Rimuovi',
    saved: 'Impostazioni email salvate.',
    removed: 'L’email è disattivata per questo sito.',
    failed: (reason) => `Impossibile salvare: ${reason}`,
    off: 'L’email è disattivata per questo sito.',
  },
};

const dictionaries: Record<Lang, FilesDict> = { en, it };
export const tf: FilesDict = dictionaries[lang];
