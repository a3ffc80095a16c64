CREATE TABLE `Company` (`id` INTEGER NOT NULL, `code` VARCHAR(20) NOT NULL, PRIMARY KEY (`id`)) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE TABLE `Contact` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `email` VARCHAR(191) NOT NULL,
    `companyId` INTEGER NULL,
    `first` VARCHAR(50) NULL, `last` VARCHAR(50) NULL,
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE UNIQUE INDEX `Contact_email_key` ON `Contact`(`email`);
CREATE INDEX `Contact_first_last_idx` ON `Contact`(`first`, `last`);
CREATE INDEX `Contact_companyId_fkey` ON `Contact`(`companyId`);
ALTER TABLE `Contact` ADD CONSTRAINT `Contact_companyId_fkey` FOREIGN KEY (`companyId`) REFERENCES `Company`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;
