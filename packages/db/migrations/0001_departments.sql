CREATE TABLE `agent_departments` (
	`agent_id` text NOT NULL,
	`department_id` text NOT NULL,
	PRIMARY KEY(`agent_id`, `department_id`),
	FOREIGN KEY (`agent_id`) REFERENCES `agents`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `agent_departments_department` ON `agent_departments` (`department_id`);--> statement-breakpoint
CREATE TABLE `departments` (
	`id` text PRIMARY KEY NOT NULL,
	`site_id` text NOT NULL,
	`name` text NOT NULL,
	`urgency` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `departments_site` ON `departments` (`site_id`);--> statement-breakpoint
ALTER TABLE `conversations` ADD `department_id` text REFERENCES departments(id);--> statement-breakpoint
ALTER TABLE `sites` ADD `routing_mode` text DEFAULT 'auto' NOT NULL;