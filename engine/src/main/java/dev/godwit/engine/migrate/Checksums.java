package dev.godwit.engine.migrate;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Checksums of migration files as Prisma records them: lowercase hex SHA-256
 * of the file's bytes. Comparison tolerates the file having had its line
 * endings converted (a Git checkout on Windows) and the unpadded hex that old
 * Prisma versions wrote.
 */
public final class Checksums {
    private Checksums() {
    }

    public static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(digest(bytes));
    }

    /** True when {@code recorded} is the checksum of these bytes, allowing for CRLF/LF conversion. */
    public static boolean matches(String recorded, byte[] fileBytes) {
        if (recorded == null) {
            return false;
        }
        String r = recorded.trim().toLowerCase();
        return matchesExactly(r, fileBytes)
                || matchesExactly(r, crlfToLf(fileBytes))
                || matchesExactly(r, lfToCrlf(fileBytes));
    }

    private static boolean matchesExactly(String recorded, byte[] bytes) {
        byte[] digest = digest(bytes);
        return recorded.equals(HexFormat.of().formatHex(digest)) || recorded.equals(unpaddedHex(digest));
    }

    /** Old Prisma versions formatted each byte without a leading zero. */
    private static String unpaddedHex(byte[] digest) {
        StringBuilder sb = new StringBuilder(64);
        for (byte b : digest) {
            sb.append(Integer.toHexString(b & 0xff));
        }
        return sb.toString();
    }

    static byte[] crlfToLf(byte[] in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        for (int i = 0; i < in.length; i++) {
            if (in[i] == '\r' && i + 1 < in.length && in[i + 1] == '\n') {
                continue;
            }
            out.write(in[i]);
        }
        return out.toByteArray();
    }

    static byte[] lfToCrlf(byte[] in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length + in.length / 16);
        for (int i = 0; i < in.length; i++) {
            if (in[i] == '\n' && (i == 0 || in[i - 1] != '\r')) {
                out.write('\r');
            }
            out.write(in[i]);
        }
        return out.toByteArray();
    }

    private static byte[] digest(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
