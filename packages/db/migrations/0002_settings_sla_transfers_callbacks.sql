CREATE TABLE `callbacks` (
	`conversation_id` text PRIMARY KEY NOT NULL,
	`phone` text NOT NULL,
	`preferred_time` text DEFAULT '' NOT NULL,
	`note` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`conversation_id`) REFERENCES `conversations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `conversation_events` ADD `department_id` text;--> statement-breakpoint
ALTER TABLE `conversation_events` ADD `note` text;--> statement-breakpoint
ALTER TABLE `conversations` ADD `sla_breached_at` integer;--> statement-breakpoint
ALTER TABLE `departments` ADD `business_hours` text;--> statement-breakpoint
ALTER TABLE `departments` ADD `sla_first_response_sec` integer;--> statement-breakpoint
ALTER TABLE `sites` ADD `settings` text DEFAULT '{}' NOT NULL;