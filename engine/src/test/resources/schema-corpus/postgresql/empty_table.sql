-- A table without columns or keys, and one with only a primary key.
CREATE TABLE "nothing" ();
CREATE TABLE "only_key" ("k" TEXT PRIMARY KEY);
