/** The strings of a language as the chat has them once its extras are loaded (en.js + en-extras.js, or the Italian ones). */
import en from '../src/chat/en.ts';
import enExtras from '../src/chat/en-extras.ts';
import type { Dict, ExtraDict, Lang } from '../src/chat/i18n.ts';
import it from '../src/chat/it.ts';
import itExtras from '../src/chat/it-extras.ts';

export const dict = (lang: Lang): Dict & ExtraDict => (lang === 'it' ? { ...it, ...itExtras } : { ...en, ...enExtras });
