CREATE TABLE `visitor_tokens` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`visitor_id` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`visitor_id`) REFERENCES `visitors`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `visitor_tokens_visitor` ON `visitor_tokens` (`visitor_id`);--> statement-breakpoint
ALTER TABLE `visitors` ADD `user_id` text;--> statement-breakpoint
CREATE UNIQUE INDEX `visitors_site_user` ON `visitors` (`site_id`,`user_id`);