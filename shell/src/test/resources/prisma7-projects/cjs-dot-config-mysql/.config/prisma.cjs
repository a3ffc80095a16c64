// CommonJS in .config/, paths built from __dirname, the URL from a variable with a fallback.
const path = require("node:path");
const { defineConfig } = require("prisma/config");

module.exports = defineConfig({
  schema: path.join(__dirname, "..", "db", "schema.prisma"),
  migrations: {
    path: path.resolve(__dirname, "../db/migrations"),
    seed: `echo seeded-mysql > seeded.txt`,
  },
  datasource: {
    url: process.env.MYSQL_APP_URL ?? "mysql://nobody@127.0.0.1:1/none",
  },
});
