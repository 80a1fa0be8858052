CREATE TABLE `account_tokens` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`agent_id` text,
	`created_by` text,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	FOREIGN KEY (`agent_id`) REFERENCES `agents`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `account_tokens_agent` ON `account_tokens` (`agent_id`);--> statement-breakpoint
ALTER TABLE `agents` ADD `password_set_at` integer;--> statement-breakpoint
ALTER TABLE `agents` ADD `deactivated_at` integer;--> statement-breakpoint
-- Agents created before invitations existed chose their password when they were created.
UPDATE `agents` SET `password_set_at` = `created_at`;