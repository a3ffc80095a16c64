-- a view is written by hand: Prisma Migrate does not create views
CREATE VIEW "Admins" AS SELECT "id" FROM "Member" WHERE "role" = 'ADMIN';
