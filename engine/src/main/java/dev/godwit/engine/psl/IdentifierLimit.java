package dev.godwit.engine.psl;

import java.nio.charset.StandardCharsets;

/**
 * How long an identifier may be: {@code max} bytes of UTF-8 when {@code bytes} (PostgreSQL cuts longer ones),
 * else {@code max} characters (MySQL refuses longer ones); {@code database} names the family in messages.
 */
public record IdentifierLimit(int max, boolean bytes, String database) {

    public boolean tooLong(String name) {
        return bytes ? name.getBytes(StandardCharsets.UTF_8).length > max : name.codePointCount(0, name.length()) > max;
    }

    /** "63 bytes", "64 characters". */
    public String unit() {
        return max + (bytes ? " bytes" : " characters");
    }
}
