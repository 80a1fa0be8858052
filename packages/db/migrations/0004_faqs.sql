CREATE TABLE `faqs` (
	`site_id` text NOT NULL,
	`id` text NOT NULL,
	`lang` text NOT NULL,
	`question` text NOT NULL,
	`alternatives` text DEFAULT '[]' NOT NULL,
	`answer` text NOT NULL,
	`quick_replies` text DEFAULT '[]' NOT NULL,
	`department_id` text,
	`tags` text DEFAULT '[]' NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`site_id`, `id`),
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE cascade
);
