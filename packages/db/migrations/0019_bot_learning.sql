ALTER TABLE `bot_misses` ADD `normalised` text;--> statement-breakpoint
ALTER TABLE `bot_misses` ADD `faq_id` text;--> statement-breakpoint
ALTER TABLE `bot_misses` ADD `score` real;--> statement-breakpoint
ALTER TABLE `bot_misses` ADD `trial` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `bot_misses` ADD `handled_at` integer;--> statement-breakpoint
CREATE INDEX `bot_misses_group` ON `bot_misses` (`site_id`,`lang`,`normalised`);