CREATE TABLE `Everything` (
    `id` BIGINT NOT NULL AUTO_INCREMENT,
    `tiny` TINYINT NOT NULL DEFAULT -1,
    `flag` BOOLEAN NULL,
    `small` SMALLINT UNSIGNED NULL,
    `medium` MEDIUMINT NULL,
    `dbl` DOUBLE NULL DEFAULT 0.5,
    `flt` FLOAT NULL,
    `money` DECIMAL(10,2) NOT NULL DEFAULT 9.99,
    `code` CHAR(3) NULL,
    `bin` VARBINARY(16) NULL,
    `body` LONGTEXT NULL COMMENT 'the body',
    `blob` BLOB NULL,
    `doc` JSON NULL,
    `day` DATE NULL DEFAULT '2024-01-01',
    `at` TIME(3) NULL,
    `stamp` TIMESTAMP(6) NULL,
    `created` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updated` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    `yr` YEAR NULL,
    `bits` BIT(4) NULL,
    `colours` SET('red', 'green') NULL,
    `bin_name` VARCHAR(20) COLLATE utf8mb4_bin NULL,
    `total` DECIMAL(12,2) AS (`money` * 2) STORED,
    `uid` VARCHAR(36) NOT NULL DEFAULT (uuid()),
    PRIMARY KEY (`id`),
    CONSTRAINT `money_positive` CHECK (`money` >= 0)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci COMMENT 'one of everything';
CREATE TABLE `Child` (
    `a` INTEGER NOT NULL,
    `b` VARCHAR(20) NOT NULL,
    `parent` BIGINT NULL,
    `note` VARCHAR(200) NULL,
    PRIMARY KEY (`a`, `b`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE INDEX `Child_note_idx` ON `Child`(`note`(20));
CREATE FULLTEXT INDEX `Everything_body_ft` ON `Everything`(`body`);
ALTER TABLE `Child` ADD CONSTRAINT `Child_parent_fkey` FOREIGN KEY (`parent`) REFERENCES `Everything`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION;
CREATE VIEW `recent` AS SELECT `id`, `code` FROM `Everything` WHERE `flag` = 1;
