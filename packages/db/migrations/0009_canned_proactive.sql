CREATE TABLE `canned_responses` (
	`id` text PRIMARY KEY NOT NULL,
	`site_id` text NOT NULL,
	`shortcut` text NOT NULL,
	`title` text NOT NULL,
	`body` text NOT NULL,
	`lang` text NOT NULL,
	`department_id` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `canned_site_shortcut_lang` ON `canned_responses` (`site_id`,`shortcut`,`lang`);--> statement-breakpoint
ALTER TABLE `conversations` ADD `proactive` integer DEFAULT 0 NOT NULL;