CREATE TABLE `User` (`id` VARCHAR(191) NOT NULL, `email` VARCHAR(191) NOT NULL, UNIQUE INDEX `User_email_key`(`email`), PRIMARY KEY (`id`)) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
RENAME TABLE `User` TO `users`;
CREATE UNIQUE INDEX `users_email_key` ON `users`(`email`);
