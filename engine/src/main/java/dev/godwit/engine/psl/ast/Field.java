package dev.godwit.engine.psl.ast;


import java.util.List;
import java.util.Optional;

/** A model field. {@code doc} holds the {@code ///} lines before it, or null. */
public record Field(String name, Span nameSpan, TypeRef type, List<Attribute> attributes, String doc, Span span) {
    public Field {
        attributes = List.copyOf(attributes);
    }

    public Optional<Attribute> attribute(String attrName) {
        return attributes.stream().filter(a -> a.name().equals(attrName)).findFirst();
    }

    public boolean has(String attrName) {
        return attribute(attrName).isPresent();
    }
}
