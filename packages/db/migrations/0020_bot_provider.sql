CREATE TABLE `bot_providers` (
	`site_id` text PRIMARY KEY NOT NULL,
	`enabled` integer DEFAULT 0 NOT NULL,
	`base_url` text NOT NULL,
	`chat_model` text DEFAULT '' NOT NULL,
	`embedding_model` text DEFAULT '' NOT NULL,
	`use_embeddings` integer DEFAULT 0 NOT NULL,
	`use_answers` integer DEFAULT 0 NOT NULL,
	`api_key` text,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE cascade
);
