/** The strings of a language, as the loader picks them (en.js or it.js). */
import en from '../src/chat/en.ts';
import type { Dict, Lang } from '../src/chat/i18n.ts';
import it from '../src/chat/it.ts';

export const dict = (lang: Lang): Dict => (lang === 'it' ? it : en);
