package dev.godwit.engine.lint;

import java.util.List;

/**
 * The safe form of one statement, in three places: {@code now} replaces it in the migration (null: it
 * leaves the migration), {@code ownMigrations} each go into a migration of their own (CONCURRENTLY cannot run
 * in a transaction, nor beside other statements under Prisma), {@code later} goes into a migration after
 * those (VALIDATE, the contract steps of a required column).
 */
public record SafeForm(String now, List<String> ownMigrations, List<String> later) {
    public SafeForm {
        ownMigrations = List.copyOf(ownMigrations);
        later = List.copyOf(later);
    }
}
