import { defineConfig } from "prisma/config";
import { databaseUrl } from "./config/secrets";

export default defineConfig({
  schema: "prisma/schema.prisma",
  datasource: {
    url: databaseUrl("primary"),
  },
});
