CREATE TYPE "Role" AS ENUM ('A', 'B');
CREATE TABLE "User" (id SERIAL PRIMARY KEY, email TEXT NOT NULL UNIQUE, name TEXT, active BOOLEAN NOT NULL DEFAULT true, role "Role");
CREATE VIEW "ActiveUser" AS SELECT id, email, name FROM "User" WHERE active;
CREATE VIEW "Zed" AS SELECT id, role, email AS "e-mail", 1.5::numeric(10,2) AS amount, now() AS at, ARRAY[id] AS ids FROM "User";
CREATE VIEW "user stats" AS SELECT count(*) AS n FROM "User";
CREATE MATERIALIZED VIEW "user_count" AS SELECT count(*) AS n FROM "User";
