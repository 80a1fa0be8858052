/**
 * The learning loop's text folding: the same question asked with other case, accents, punctuation
 * or spacing is one question ("Spedizione gratuita??" and "spedizione  gratuità" group together),
 * and one phrasing is never added twice to an entry.
 */

/** Lower case, accents removed, punctuation and symbols (emoji too) removed, whitespace collapsed, trimmed. */
export function normaliseQuestion(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
