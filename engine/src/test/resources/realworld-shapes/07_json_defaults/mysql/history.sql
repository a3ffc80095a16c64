CREATE TABLE `guilds` (`id` VARCHAR(19) NOT NULL, `blocklist` JSON NOT NULL, `hours` JSON NULL, PRIMARY KEY (`id`)) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
