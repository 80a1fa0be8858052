/** The strings of the "AI provider" settings (the bot's optional model provider), in English and Italian. */
import { lang, type Lang } from './i18n.ts';

const en = {
  title: 'AI provider',
  hint: 'Optional, off by default. An OpenAI-compatible API (a local Ollama or vLLM, or a hosted one) can help the FAQ bot: embeddings find entries worded differently from the question, and a chat model can phrase the answer from your entries only. It receives the shopper’s question and your FAQ entries, nothing else. If it does not answer within 1.5 seconds, the built-in bot answers.',
  enabled: 'Use the provider',
  baseUrl: 'Base URL',
  baseUrlHint: 'e.g. http://127.0.0.1:11434/v1 (Ollama) or https://api.openai.com/v1',
  chatModel: 'Chat model',
  embeddingModel: 'Embedding model (empty: no embeddings)',
  useEmbeddings: 'Embeddings as a second signal to find the entry',
  useAnswers: 'Phrase answers from the matched entries (never inventing prices, dates or links)',
  apiKey: 'API key',
  keyKept: 'Stored (leave empty to keep it)',
  keyNone: 'None (a local server may not need one)',
  clearKey: 'Remove the stored key',
  save: 'Save',
  saved: 'Saved.',
  test: 'Test connection',
  testing: 'Testing…',
  testOk: (call: string, ms: number) => `Connected: the ${call} call answered in ${ms} ms.`,
  testFailed: (reason: string) => `The provider did not answer: ${reason}`,
  failed: (reason: string) => `Could not save: ${reason}`,
  loadFailed: (reason: string) => `Could not load: ${reason}`,
};

export type ProviderDict = typeof en;

const it: ProviderDict = {
  title: 'Fornitore di IA',
  hint: 'Facoltativo, spento se non lo attivi. Un’API compatibile con OpenAI (Ollama o vLLM in locale, o un servizio esterno) può aiutare il bot delle FAQ: gli embedding trovano le voci scritte con parole diverse dalla domanda e un modello di chat può formulare la risposta solo dalle tue voci. Riceve la domanda del cliente e le voci delle FAQ, nient’altro. Se non risponde entro 1,5 secondi, risponde il bot integrato.',
  enabled: 'Usa il fornitore',
  baseUrl: 'URL di base',
  baseUrlHint: 'es. http://127.0.0.1:11434/v1 (Ollama) o https://api.openai.com/v1',
  chatModel: 'Modello di chat',
  embeddingModel: 'Modello di embedding (vuoto: nessun embedding)',
  useEmbeddings: 'Embedding come secondo segnale per trovare la voce',
  useAnswers: 'Formula le risposte dalle voci trovate (senza mai inventare prezzi, date o link)',
  apiKey: 'Chiave API',
  keyKept: 'Salvata (lascia vuoto per tenerla)',
  keyNone: 'Nessuna (un server locale può non richiederla)',
  clearKey: 'Rimuovi la chiave salvata',
  save: 'Salva',
  saved: 'Salvato.',
  test: 'Prova la connessione',
  testing: 'Prova in corso…',
  testOk: (call, ms) => `Connesso: la chiamata ${call === 'embeddings' ? 'di embedding' : 'di chat'} ha risposto in ${ms} ms.`,
  testFailed: (reason) => `Il fornitore non ha risposto: ${reason}`,
  failed: (reason) => `Salvataggio non riuscito: ${reason}`,
  loadFailed: (reason) => `Caricamento non riuscito: ${reason}`,
};

export const providerDictionaries: Record<Lang, ProviderDict> = { en, it };

/** The provider settings' strings of the current language. */
export const tp: ProviderDict = providerDictionaries[lang];
