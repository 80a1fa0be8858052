-- Full-text search of the agents' inbox (SQLite FTS5), hand-written: drizzle-kit knows no virtual tables.
-- messages_fts indexes every message body (external content: the text stays only in `messages`);
-- visitors_fts indexes a visitor's name, email and attribute values (order ids...). Both are kept
-- in step by triggers, so every writer (the group commit, erasure, merges) updates them in its own
-- transaction; the rows already there are indexed below. Both use FTS5's secure-delete: a deleted
-- row's words leave the index at once (an erased visitor's words must not stay in the file).
CREATE VIRTUAL TABLE `messages_fts` USING fts5(body, content='messages', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2');
--> statement-breakpoint
INSERT INTO messages_fts(messages_fts, rank) VALUES ('secure-delete', 1);
--> statement-breakpoint
CREATE TRIGGER `messages_fts_ai` AFTER INSERT ON `messages` BEGIN
  INSERT INTO messages_fts(rowid, body) VALUES (new.rowid, new.body);
END;
--> statement-breakpoint
CREATE TRIGGER `messages_fts_ad` AFTER DELETE ON `messages` BEGIN
  INSERT INTO messages_fts(messages_fts, rowid, body) VALUES ('delete', old.rowid, old.body);
END;
--> statement-breakpoint
CREATE TRIGGER `messages_fts_au` AFTER UPDATE OF `body` ON `messages` BEGIN
  INSERT INTO messages_fts(messages_fts, rowid, body) VALUES ('delete', old.rowid, old.body);
  INSERT INTO messages_fts(rowid, body) VALUES (new.rowid, new.body);
END;
--> statement-breakpoint
INSERT INTO messages_fts(rowid, body) SELECT rowid, body FROM messages;
--> statement-breakpoint
CREATE VIRTUAL TABLE `visitors_fts` USING fts5(name, email, attrs, tokenize='unicode61 remove_diacritics 2');
--> statement-breakpoint
INSERT INTO visitors_fts(visitors_fts, rank) VALUES ('secure-delete', 1);
--> statement-breakpoint
CREATE TRIGGER `visitors_fts_ai` AFTER INSERT ON `visitors` BEGIN
  INSERT INTO visitors_fts(rowid, name, email, attrs) VALUES (new.rowid, coalesce(new.name, ''), coalesce(new.email, ''),
    coalesce((SELECT group_concat(value, ' ') FROM json_each(CASE WHEN json_valid(new.attributes) THEN new.attributes ELSE '{}' END) WHERE type IN ('text', 'integer', 'real')), ''));
END;
--> statement-breakpoint
CREATE TRIGGER `visitors_fts_ad` AFTER DELETE ON `visitors` BEGIN
  DELETE FROM visitors_fts WHERE rowid = old.rowid;
END;
--> statement-breakpoint
CREATE TRIGGER `visitors_fts_au` AFTER UPDATE OF `name`, `email`, `attributes` ON `visitors` BEGIN
  DELETE FROM visitors_fts WHERE rowid = old.rowid;
  INSERT INTO visitors_fts(rowid, name, email, attrs) VALUES (new.rowid, coalesce(new.name, ''), coalesce(new.email, ''),
    coalesce((SELECT group_concat(value, ' ') FROM json_each(CASE WHEN json_valid(new.attributes) THEN new.attributes ELSE '{}' END) WHERE type IN ('text', 'integer', 'real')), ''));
END;
--> statement-breakpoint
INSERT INTO visitors_fts(rowid, name, email, attrs) SELECT rowid, coalesce(name, ''), coalesce(email, ''),
  coalesce((SELECT group_concat(value, ' ') FROM json_each(CASE WHEN json_valid(v.attributes) THEN v.attributes ELSE '{}' END) WHERE type IN ('text', 'integer', 'real')), '')
  FROM visitors v;
