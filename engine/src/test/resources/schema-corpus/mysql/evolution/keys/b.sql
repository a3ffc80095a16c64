CREATE TABLE `Company` (`id` INTEGER NOT NULL, `code` VARCHAR(20) NOT NULL, PRIMARY KEY (`id`, `code`)) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE TABLE `Contact` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `email` VARCHAR(191) NOT NULL,
    `companyId` INTEGER NOT NULL,
    `companyCode` VARCHAR(20) NOT NULL,
    `first` VARCHAR(50) NULL, `last` VARCHAR(50) NULL,
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE INDEX `Contact_email_idx` ON `Contact`(`email`);
CREATE UNIQUE INDEX `Contact_first_last_key` ON `Contact`(`first`, `last`);
CREATE INDEX `Contact_companyId_fkey` ON `Contact`(`companyId`, `companyCode`);
ALTER TABLE `Contact` ADD CONSTRAINT `Contact_companyId_fkey` FOREIGN KEY (`companyId`, `companyCode`) REFERENCES `Company`(`id`, `code`) ON DELETE RESTRICT ON UPDATE CASCADE;
