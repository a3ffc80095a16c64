import "dotenv/config";
import { defineConfig, env } from "prisma/config";

// A Prisma 7 project as `prisma init` lays it out, with the schema split into files.
export default defineConfig({
  schema: "prisma/schema",
  migrations: {
    seed: "sh prisma/seed.sh",
  },
  datasource: {
    url: env("APP_DATABASE_URL"),
  },
});
