/** The strings of two-factor sign-in (login code, the account's setup, the admins' reset), in English and Italian. */
import { lang, type Lang } from './i18n.ts';

const en = {
  login: {
    code: 'Verification code',
    codeHint: 'The 6-digit code of your authenticator app, or one of your recovery codes.',
    wrong: 'The code is wrong, or it was used already: wait for the next one.',
    passwordSet: 'Your new password is set. Sign in with it and the code of your authenticator app.',
  },
  account: {
    title: 'Two-factor sign-in',
    on: (left: number) => `On. ${left} recovery code${left === 1 ? '' : 's'} left.`,
    off: 'Off: your password alone signs you in.',
    intro: 'With two-factor sign-in, signing in also needs a code from an authenticator app on your phone (Google Authenticator, Microsoft Authenticator, 1Password, Aegis…).',
    turnOn: 'Turn on',
    turnOff: 'Turn off',
    password: 'Your current password',
    next: 'Continue',
    scan: 'Scan this QR code with your authenticator app, or type the key below into it; then enter the code the app shows.',
    qrAlt: 'QR code for your authenticator app',
    key: 'Key',
    code: 'Code from the app',
    confirm: 'Turn on',
    codesTitle: 'Your recovery codes',
    codesIntro: 'Each signs you in once if you lose your phone. Save them somewhere safe now: they are not shown again.',
    copy: 'Copy the codes',
    copied: 'Copied',
    saved: 'I have saved them',
    offCode: 'A code from the app, or a recovery code',
    cancel: 'Cancel',
    working: 'Please wait…',
    loadFailed: 'Could not load the two-factor state.',
  },
  team: {
    badge: '2FA',
    reset: 'Turn off two-factor',
    confirmReset: (name: string) => `Turn off two-factor sign-in for ${name}? Do this when they lost their phone: they sign in with their password and can set it up again.`,
    resetDone: 'Two-factor sign-in is off for this agent.',
  },
  errors: {
    invalid_totp: 'The code is wrong: check the time on your phone and try the next one.',
    totp_on: 'Two-factor sign-in is on already.',
    totp_not_pending: 'Start again: the setup was not found.',
    wrong_password: 'The current password is wrong.',
  } as Record<string, string>,
};
export type TwoFactorDict = typeof en;

const it: TwoFactorDict = {
  login: {
    code: 'Codice di verifica',
    codeHint: 'Il codice di 6 cifre della tua app di autenticazione, o uno dei codici di recupero.',
    wrong: 'Il codice è errato, o è già stato usato: attendi il prossimo.',
    passwordSet: 'La nuova password è impostata. Accedi con essa e con il codice della tua app di autenticazione.',
  },
  account: {
    title: 'Accesso in due passaggi',
    on: (left: number) => `Attivo. ${left} ${left === 1 ? 'codice' : 'codici'} di recupero rimast${left === 1 ? 'o' : 'i'}.`,
    off: 'Disattivato: basta la password per accedere.',
    intro: 'Con l’accesso in due passaggi serve anche un codice da un’app di autenticazione sul telefono (Google Authenticator, Microsoft Authenticator, 1Password, Aegis…).',
    turnOn: 'Attiva',
    turnOff: 'Disattiva',
    password: 'La tua password attuale',
    next: 'Continua',
    scan: 'Inquadra questo codice QR con l’app di autenticazione, o inserisci la chiave qui sotto; poi scrivi il codice che mostra l’app.',
    qrAlt: 'Codice QR per l’app di autenticazione',
    key: 'Chiave',
    code: 'Codice dell’app',
    confirm: 'Attiva',
    codesTitle: 'I tuoi codici di recupero',
    codesIntro: 'Ognuno ti fa accedere una volta se perdi il telefono. Salvali subito in un posto sicuro: non verranno mostrati di nuovo.',
    copy: 'Copia i codici',
    copied: 'Copiati',
    saved: 'Li ho salvati',
    offCode: 'Un codice dell’app, o un codice di recupero',
    cancel: 'Annulla',
    working: 'Attendere…',
    loadFailed: 'Impossibile caricare lo stato dell’accesso in due passaggi.',
  },
  team: {
    badge: '2FA',
    reset: 'Disattiva i due passaggi',
    confirmReset: (name: string) => `Disattivare l’accesso in due passaggi per ${name}? Fallo quando ha perso il telefono: accederà con la password e potrà riattivarlo.`,
    resetDone: 'L’accesso in due passaggi è disattivato per questo operatore.',
  },
  errors: {
    invalid_totp: 'Il codice è errato: controlla l’ora del telefono e prova con il prossimo.',
    totp_on: 'L’accesso in due passaggi è già attivo.',
    totp_not_pending: 'Ricomincia: la configurazione non è stata trovata.',
    wrong_password: 'La password attuale è errata.',
  },
};

const dictionaries: Record<Lang, TwoFactorDict> = { en, it };
export const t2 = dictionaries[lang];
export const twoFactorDictionaries = dictionaries;
