CREATE TABLE `agent_recovery_codes` (
	`code_hash` text PRIMARY KEY NOT NULL,
	`agent_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`used_at` integer,
	FOREIGN KEY (`agent_id`) REFERENCES `agents`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `agent_recovery_codes_agent` ON `agent_recovery_codes` (`agent_id`);--> statement-breakpoint
ALTER TABLE `agents` ADD `totp_secret` text;--> statement-breakpoint
ALTER TABLE `agents` ADD `totp_enabled_at` integer;--> statement-breakpoint
ALTER TABLE `agents` ADD `totp_last_step` integer;