CREATE TABLE `agent_sites` (
	`agent_id` text NOT NULL,
	`site_id` text NOT NULL,
	PRIMARY KEY(`agent_id`, `site_id`),
	FOREIGN KEY (`agent_id`) REFERENCES `agents`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `agent_sites_site` ON `agent_sites` (`site_id`);