ALTER TABLE `conversation_events` ADD `reason` text;--> statement-breakpoint
ALTER TABLE `conversations` ADD `auto_resolved` text;--> statement-breakpoint
ALTER TABLE `conversations` ADD `snoozed_at` integer;--> statement-breakpoint
ALTER TABLE `conversations` ADD `snoozed_until` integer;--> statement-breakpoint
ALTER TABLE `conversations` ADD `woke_at` integer;--> statement-breakpoint
CREATE INDEX `conversations_snoozed` ON `conversations` (`snoozed_until`);