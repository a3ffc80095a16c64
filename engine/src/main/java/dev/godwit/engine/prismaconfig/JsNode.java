package dev.godwit.engine.prismaconfig;

import java.util.List;

/**
 * The expressions of a config file that godwit can read without running it. {@code offset} is where the
 * expression starts in the file, for messages with line:column.
 */
sealed interface JsNode {
    int offset();

    /** A string, number, boolean, null or undefined literal ({@link #UNDEFINED} for undefined). */
    record Literal(int offset, Object value) implements JsNode {
    }

    /** A template literal: chunks around the expressions ({@code chunks.size() == parts.size() + 1}). */
    record Template(int offset, List<String> chunks, List<JsNode> parts) implements JsNode {
    }

    record ObjectLit(int offset, List<Property> properties) implements JsNode {
    }

    /** {@code key: value}, {@code key} (shorthand), or {@code ...value} when {@code key} is null. */
    record Property(int offset, String key, JsNode value) {
    }

    record ArrayLit(int offset, List<JsNode> items) implements JsNode {
    }

    record Name(int offset, String name) implements JsNode {
    }

    /** {@code object.name}, {@code object?.name} or {@code object["name"]}. */
    record Member(int offset, JsNode object, String name) implements JsNode {
    }

    record Call(int offset, JsNode callee, List<JsNode> args) implements JsNode {
    }

    /** {@code ??}, {@code ||}, {@code &&} or {@code +}. */
    record Binary(int offset, String op, JsNode left, JsNode right) implements JsNode {
    }

    /** Anything else (a function, a condition, a call with {@code new}, …): read only if nothing needs it. */
    record Opaque(int offset, String what) implements JsNode {
    }

    Object UNDEFINED = new Object() {
        @Override
        public String toString() {
            return "undefined";
        }
    };
}
