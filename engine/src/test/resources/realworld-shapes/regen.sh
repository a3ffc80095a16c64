#!/usr/bin/env bash
# Writes prisma.sql for every PostgreSQL case here: what the real Prisma 7.10.1 CLI (prisma-ref)
# plans from the case's history.sql (as the one migration of a history) to its schema.prisma.
#   source /tmp/prisma-ref/env.sh; bash regen.sh [CASE…]
# DATABASE_URL names the server for Prisma's shadow database (default: the local PostgreSQL).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
export DATABASE_URL="${DATABASE_URL_SHAPES:-postgresql://postgres@127.0.0.1:5432/postgres}"
cases=("$@"); [ ${#cases[@]} -gt 0 ] || cases=($(cd "$HERE" && ls -d */ | tr -d /))
for c in "${cases[@]}"; do
  side="$HERE/$c/postgresql"; [ -d "$side" ] || continue
  tmp="$(mktemp -d)"
  mkdir -p "$tmp/migrations/0_history"
  cp "$side/history.sql" "$tmp/migrations/0_history/migration.sql"
  printf 'provider = "postgresql"\n' > "$tmp/migrations/migration_lock.toml"
  cat > "$tmp/prisma.config.ts" <<CFG
export default { schema: "$side/schema.prisma", migrations: { path: "$tmp/migrations" }, datasource: { url: process.env.DATABASE_URL } };
CFG
  (cd "$tmp" && prisma migrate diff --from-migrations "$tmp/migrations" --to-schema "$side/schema.prisma" --script) \
    | grep -v "^Loaded Prisma config" > "$side/prisma.sql"
  echo "$c: $(grep -cvE '^(--|$)' "$side/prisma.sql" || true) line(s)"
  rm -rf "$tmp"
done
