CREATE TABLE `csat_ratings` (
	`conversation_id` text PRIMARY KEY NOT NULL,
	`rating` integer NOT NULL,
	`comment` text,
	`agent_id` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`conversation_id`) REFERENCES `conversations`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "csat_rating_range" CHECK("csat_ratings"."rating" BETWEEN 1 AND 5)
);
--> statement-breakpoint
ALTER TABLE `conversations` ADD `demo` integer DEFAULT 0 NOT NULL;