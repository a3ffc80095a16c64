package dev.godwit.engine.dialect.postgres;

import dev.godwit.engine.Provider;
import dev.godwit.engine.psl.ModelRules;
import dev.godwit.engine.psl.ast.Expr;
import dev.godwit.engine.psl.ast.Field;
import dev.godwit.engine.schema.ColumnType;
import dev.godwit.engine.schema.Identity;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** How a schema maps to PostgreSQL tables: lists as arrays, enums as types, defaults as the server prints them. */
public final class PostgresModelRules implements ModelRules {

    @Override
    public Provider provider() {
        return Provider.POSTGRESQL;
    }

    @Override
    public boolean listsAreArrays() {
        return true;
    }

    @Override
    public boolean enumTypes() {
        return true;
    }

    @Override
    public Identity autoincrement() {
        return Identity.SERIAL;
    }

    @Override
    public String now(ColumnType type) {
        return "CURRENT_TIMESTAMP";
    }

    @Override
    public String literal(Field field, ColumnType type, Expr value, UnaryOperator<String> enumValue) {
        return PostgresLiterals.of(field, type, value, enumValue);
    }

    @Override
    public String dbGenerated(String sql) {
        return PostgresLiterals.expression(sql);
    }

    @Override
    public Optional<List<String>> arrayElements(String defaultValue) {
        return PostgresArrays.elements(defaultValue);
    }
}
