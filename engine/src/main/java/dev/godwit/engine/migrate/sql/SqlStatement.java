package dev.godwit.engine.migrate.sql;

public record SqlStatement(int index, String text, int line, int column) {}
