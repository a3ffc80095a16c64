-- As Prisma's MySQL differ plans it: each table ends with its new primary key; Child's foreign key
-- keeps the index Moved_id_key under it and is left alone.
ALTER TABLE `FromComposite` DROP PRIMARY KEY,
    ADD PRIMARY KEY (`a`);
ALTER TABLE `Moved` DROP PRIMARY KEY,
    ADD PRIMARY KEY (`code`);
ALTER TABLE `Reordered` DROP PRIMARY KEY,
    ADD PRIMARY KEY (`b`, `a`);
ALTER TABLE `ToComposite` DROP PRIMARY KEY,
    ADD PRIMARY KEY (`a`, `b`);
