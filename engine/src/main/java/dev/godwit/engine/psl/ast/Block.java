package dev.godwit.engine.psl.ast;


import java.util.List;
import java.util.Optional;

/** A top-level block of a schema file. */
public sealed interface Block {
    String name();

    Span nameSpan();

    Span span();

    /** {@code datasource} or {@code generator}: settings {@code key = value}. */
    record Config(String keyword, String name, Span nameSpan, List<Setting> settings, Span span) implements Block {
        public Config {
            settings = List.copyOf(settings);
        }

        public Optional<Setting> setting(String key) {
            return settings.stream().filter(s -> s.key().equals(key)).findFirst();
        }
    }

    record Setting(String key, Span keySpan, Expr value) {
    }

    record Model(String name, Span nameSpan, List<Field> fields, List<Attribute> attributes, String doc, Span span) implements Block {
        public Model {
            fields = List.copyOf(fields);
            attributes = List.copyOf(attributes);
        }

        public Optional<Field> field(String fieldName) {
            return fields.stream().filter(f -> f.name().equals(fieldName)).findFirst();
        }

        public List<Attribute> attributes(String attrName) {
            return attributes.stream().filter(a -> a.name().equals(attrName)).toList();
        }

        public Optional<Attribute> attribute(String attrName) {
            return attributes.stream().filter(a -> a.name().equals(attrName)).findFirst();
        }
    }

    record Enum(String name, Span nameSpan, List<EnumValue> values, List<Attribute> attributes, String doc, Span span) implements Block {
        public Enum {
            values = List.copyOf(values);
            attributes = List.copyOf(attributes);
        }

        public Optional<Attribute> attribute(String attrName) {
            return attributes.stream().filter(a -> a.name().equals(attrName)).findFirst();
        }
    }

    /**
     * A {@code view} block (Prisma's {@code views} preview feature): read like a model, but no table. Prisma
     * Migrate neither creates nor changes views, and neither does godwit; the database's view is left as it is.
     */
    record View(Model body) implements Block {
        @Override
        public String name() {
            return body.name();
        }

        @Override
        public Span nameSpan() {
            return body.nameSpan();
        }

        @Override
        public Span span() {
            return body.span();
        }
    }

    record EnumValue(String name, Span nameSpan, List<Attribute> attributes, String doc) {
        public EnumValue {
            attributes = List.copyOf(attributes);
        }
    }
}
