/**
 * A site's optional model provider for the FAQ bot (an OpenAI-compatible endpoint). Prepared once;
 * writers run them inside GroupCommit.run. The key is read only by the server's provider client.
 */
import type Database from 'better-sqlite3';

export interface BotProviderRow {
  siteId: string;
  enabled: number;
  baseUrl: string;
  chatModel: string;
  embeddingModel: string;
  useEmbeddings: number;
  useAnswers: number;
  apiKey: string | null;
  updatedAt: number;
}

const COLS = `site_id AS siteId, enabled, base_url AS baseUrl, chat_model AS chatModel, embedding_model AS embeddingModel,
  use_embeddings AS useEmbeddings, use_answers AS useAnswers, api_key AS apiKey, updated_at AS updatedAt`;

export class BotProviderQueries {
  private readonly s;

  constructor(sqlite: Database.Database) {
    const p = (sql: string) => sqlite.prepare(sql);
    this.s = {
      get: p(`SELECT ${COLS} FROM bot_providers WHERE site_id = ?`),
      upsert: p(`INSERT INTO bot_providers (site_id, enabled, base_url, chat_model, embedding_model, use_embeddings, use_answers, api_key, updated_at)
        VALUES (@siteId, @enabled, @baseUrl, @chatModel, @embeddingModel, @useEmbeddings, @useAnswers, @apiKey, @updatedAt)
        ON CONFLICT(site_id) DO UPDATE SET enabled = excluded.enabled, base_url = excluded.base_url, chat_model = excluded.chat_model,
          embedding_model = excluded.embedding_model, use_embeddings = excluded.use_embeddings, use_answers = excluded.use_answers,
          api_key = excluded.api_key, updated_at = excluded.updated_at`),
    };
  }

  get(siteId: string): BotProviderRow | undefined {
    return this.s.get.get(siteId) as BotProviderRow | undefined;
  }

  save(r: BotProviderRow): void {
    this.s.upsert.run(r);
  }
}
