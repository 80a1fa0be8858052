/** The strings of Settings → Branding (the widget's look), in English and Italian. */
import { lang, type Lang } from './i18n.ts';

const en = {
  title: 'Branding',
  hint: 'How the chat looks on your shop. What you leave empty keeps the widget’s default; the text on your colour is white or black, whichever is easier to read.',
  color: 'Brand colour',
  colorHex: 'Brand colour (#rrggbb)',
  position: 'Chat button position',
  left: 'Bottom left',
  right: 'Bottom right',
  team: 'Team name (the chat’s title)',
  greetingEn: 'Greeting in English',
  greetingIt: 'Greeting in Italian',
  showAgents: 'Show the initials of the agents online (or who answered this week)',
  showReplyTime: 'Show the expected reply time (from the last 7 days’ median first response)',
  preview: 'Preview',
  previewLauncher: 'Chat button',
  sampleTeam: 'Chat with us',
  sampleGreeting: 'Hi! How can we help you?',
  sampleOnline: 'We are online',
  sampleReply: 'Usually replies in a few minutes',
  save: 'Save branding',
  saved: 'Branding saved. Shoppers see it on their next page.',
  failed: (reason: string) => `Not saved: ${reason}`,
  badColor: 'Write the colour as # and six hexadecimal digits, e.g. #7c2d12.',
};

const it: typeof en = {
  title: 'Aspetto',
  hint: 'Come appare la chat nel tuo negozio. Ciò che lasci vuoto mantiene l’aspetto predefinito del widget; il testo sul tuo colore è bianco o nero, quello più leggibile.',
  color: 'Colore del marchio',
  colorHex: 'Colore del marchio (#rrggbb)',
  position: 'Posizione del pulsante della chat',
  left: 'In basso a sinistra',
  right: 'In basso a destra',
  team: 'Nome del team (il titolo della chat)',
  greetingEn: 'Saluto in inglese',
  greetingIt: 'Saluto in italiano',
  showAgents: 'Mostra le iniziali degli operatori online (o di chi ha risposto questa settimana)',
  showReplyTime: 'Mostra il tempo di risposta previsto (dalla mediana della prima risposta degli ultimi 7 giorni)',
  preview: 'Anteprima',
  previewLauncher: 'Pulsante della chat',
  sampleTeam: 'Scrivici',
  sampleGreeting: 'Ciao! Come possiamo aiutarti?',
  sampleOnline: 'Siamo online',
  sampleReply: 'Di solito risponde in pochi minuti',
  save: 'Salva l’aspetto',
  saved: 'Aspetto salvato. I clienti lo vedono dalla prossima pagina.',
  failed: (reason: string) => `Non salvato: ${reason}`,
  badColor: 'Scrivi il colore come # e sei cifre esadecimali, ad es. #7c2d12.',
};

const dictionaries: Record<Lang, typeof en> = { en, it };
export const tb = dictionaries[lang];
