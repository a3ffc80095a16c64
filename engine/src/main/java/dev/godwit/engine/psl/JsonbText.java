package dev.godwit.engine.psl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * JSON text the way PostgreSQL's {@code jsonb} prints it: {@code ", "} and {@code ": "} separators,
 * object keys shorter-first then bytewise, the last of duplicate keys kept. Text that is not JSON stays as it is.
 */
public final class JsonbText {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonbText() {
    }

    public static String canonical(String json) {
        try {
            JsonNode node = MAPPER.readTree(json);
            if (node == null) {
                return json;
            }
            StringBuilder sb = new StringBuilder();
            write(node, sb);
            return sb.toString();
        } catch (Exception e) {
            return json;
        }
    }

    private static void write(JsonNode n, StringBuilder sb) throws Exception {
        if (n.isObject()) {
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                fields.add(it.next());
            }
            fields.sort(Comparator.comparingInt((Map.Entry<String, JsonNode> e) -> e.getKey().getBytes(StandardCharsets.UTF_8).length)
                    .thenComparing(e -> e.getKey(), JsonbText::bytewise));
            sb.append('{');
            for (int i = 0; i < fields.size(); i++) {
                sb.append(i == 0 ? "" : ", ").append(MAPPER.writeValueAsString(fields.get(i).getKey())).append(": ");
                write(fields.get(i).getValue(), sb);
            }
            sb.append('}');
        } else if (n.isArray()) {
            sb.append('[');
            for (int i = 0; i < n.size(); i++) {
                sb.append(i == 0 ? "" : ", ");
                write(n.get(i), sb);
            }
            sb.append(']');
        } else {
            sb.append(MAPPER.writeValueAsString(n));
        }
    }

    private static int bytewise(String a, String b) {
        byte[] x = a.getBytes(StandardCharsets.UTF_8);
        byte[] y = b.getBytes(StandardCharsets.UTF_8);
        return java.util.Arrays.compareUnsigned(x, y);
    }
}
