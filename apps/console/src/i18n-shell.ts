/** The strings of the console's frame (addresses, narrow screens, settings sections, report legends and time zone), in English and Italian. */
import { lang, type Lang } from './i18n.ts';

const en = {
  inboxTitle: 'Inbox',
  backToInbox: 'Back to the inbox',
  visitorShow: 'Visitor details',
  visitorHide: 'Hide visitor details',
  settingsSections: 'Settings sections',
  timeZone: 'Time zone',
  timeZoneSite: (zone: string) => `Site's zone (${zone})`,
  timeZoneLocal: (zone: string) => `This browser's zone (${zone})`,
  timesIn: (zone: string) => `Times in ${zone}`,
  legend: 'Legend',
};
export type ShellDict = typeof en;

const it: ShellDict = {
  inboxTitle: 'Conversazioni',
  backToInbox: 'Torna alle conversazioni',
  visitorShow: 'Dettagli del visitatore',
  visitorHide: 'Nascondi i dettagli del visitatore',
  settingsSections: 'Sezioni delle impostazioni',
  timeZone: 'Fuso orario',
  timeZoneSite: (zone) => `Fuso del sito (${zone})`,
  timeZoneLocal: (zone) => `Fuso di questo browser (${zone})`,
  timesIn: (zone) => `Orari nel fuso ${zone}`,
  legend: 'Legenda',
};

const dictionaries: Record<Lang, ShellDict> = { en, it };
export const tsh = dictionaries[lang];
export const shellDictionaries = dictionaries;
