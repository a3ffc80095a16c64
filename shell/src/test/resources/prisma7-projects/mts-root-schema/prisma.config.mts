import type { PrismaConfig } from "prisma";

const url = process.env.DATABASE_URL;

// No schema key: Prisma takes ./schema.prisma, and its migrations folder beside it.
export default {
  datasource: { url, shadowDatabaseUrl: process.env.SHADOW_URL },
} satisfies PrismaConfig;
