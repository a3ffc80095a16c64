CREATE TABLE `order` (
    `select` INTEGER NOT NULL AUTO_INCREMENT,
    `from` VARCHAR(50) NOT NULL,
    `Mixed Case` VARCHAR(20) NULL DEFAULT 'it''s',
    `back``tick` INTEGER NULL DEFAULT 42,
    `straße` TEXT NULL,
    `日本語` VARCHAR(10) NULL,
    `state` ENUM('plain user', 'it''s', 'Ünïcödé', 'select') NOT NULL DEFAULT 'it''s',
    PRIMARY KEY (`select`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE TABLE `User` (
    `ID` BIGINT UNSIGNED NOT NULL,
    `group` VARCHAR(100) NOT NULL,
    `order ref` INTEGER NULL,
    PRIMARY KEY (`ID`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE UNIQUE INDEX `User.group "unique"` ON `User`(`group`);
CREATE INDEX `idx on spaced` ON `order`(`Mixed Case`, `from`);
ALTER TABLE `User` ADD CONSTRAINT `User→order` FOREIGN KEY (`order ref`) REFERENCES `order`(`select`) ON DELETE SET NULL ON UPDATE CASCADE;
