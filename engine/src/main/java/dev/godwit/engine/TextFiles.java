package dev.godwit.engine;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads the project's text files (godwit.toml, schema.prisma) as UTF-8, the encoding Prisma and godwit
 * expect: a leading byte-order mark is dropped; a UTF-16 file or bytes that are not UTF-8 are a usage
 * error naming the file, where the bad byte is, and the expected encoding, instead of a parse error
 * about characters nobody typed.
 */
public final class TextFiles {
    private TextFiles() {
    }

    /**
     * The text of {@code file}.
     *
     * @throws NoSuchFileException when it does not exist (callers decide whether that matters)
     * @throws GodwitException     USAGE when it is not UTF-8 text
     */
    public static String readUtf8(Path file) throws IOException {
        return decode(Files.readAllBytes(file), file.toString());
    }

    /** Decodes {@code bytes} read from {@code name}; see {@link #readUtf8}. */
    public static String decode(byte[] bytes, String name) {
        String hint = "save " + name + " as UTF-8 (without a byte-order mark, or with the UTF-8 one); godwit and Prisma read it as UTF-8";
        if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF) || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE))) {
            throw new GodwitException(ErrorKind.USAGE, name + " is UTF-16 (it starts with a UTF-16 byte-order mark), not UTF-8", hint);
        }
        if (looksUtf16(bytes)) {
            throw new GodwitException(ErrorKind.USAGE, name + " looks like UTF-16 (every other byte is zero), not UTF-8", hint);
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult r = decoder.decode(in, out, true);
        if (r.isError()) {
            int at = in.position();
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < at; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            throw new GodwitException(ErrorKind.USAGE, name + ":" + line + ":" + (at - lineStart + 1) + ": byte 0x"
                    + String.format("%02X", bytes[at] & 0xFF) + " is not UTF-8 (the file looks like another encoding, e.g. Latin-1 or Windows-1252)", hint);
        }
        decoder.flush(out);
        out.flip();
        String text = out.toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** ASCII text saved as UTF-16 without a byte-order mark: zero bytes at every other place. */
    private static boolean looksUtf16(byte[] bytes) {
        int n = Math.min(bytes.length, 200);
        if (n < 4) {
            return false;
        }
        int zeros = 0;
        for (int i = 0; i < n; i++) {
            if (bytes[i] == 0) {
                zeros++;
            }
        }
        return zeros * 3 >= n;
    }
}
