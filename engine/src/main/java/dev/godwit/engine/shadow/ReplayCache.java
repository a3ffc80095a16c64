package dev.godwit.engine.shadow;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.godwit.engine.ErrorKind;
import dev.godwit.engine.GodwitException;
import dev.godwit.engine.migrate.LocalMigration;
import dev.godwit.engine.project.DatabaseUrl;
import dev.godwit.engine.Provider;
import dev.godwit.engine.schema.Schema;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The schema a chain of migrations describes, cached on disk under a key made from the chain of
 * their names and checksums: an unchanged history is read back without a shadow database, and a
 * history that grew starts from the longest cached prefix (recreated from the model in one
 * script) and replays only the new migrations.
 */
public final class ReplayCache {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(MapperFeature.AUTO_DETECT_GETTERS)
            .disable(MapperFeature.AUTO_DETECT_IS_GETTERS)
            .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
            .build();

    /** How the schema was obtained, for users: "cached", "replayed 3 of 300 migrations". */
    public record Result(Schema schema, int replayed, int cachedPrefix, String shadow) {
    }

    private final Path dir;

    public ReplayCache(Path dir) {
        this.dir = dir;
    }

    /**
     * What the cached schemas were read with. Bump it whenever the inspectors or the schema model read
     * something differently (2: PostgreSQL operator classes, MariaDB JSON columns; 3: several database schemas,
     * view columns), so that a cache
     * written by an older godwit is not taken for the truth.
     */
    static final String READER_VERSION = "3";

    /** One key per prefix: keys.get(i) covers the first i+1 migrations. */
    static List<String> chainKeys(String provider, List<LocalMigration> migrations) {
        List<String> keys = new ArrayList<>();
        String key = sha256("reader " + READER_VERSION + "\n" + provider);
        for (LocalMigration m : migrations) {
            key = sha256(key + "\n" + m.name() + "\n" + m.checksum());
            keys.add(key);
        }
        return keys;
    }

    public Result schema(List<LocalMigration> migrations, DatabaseUrl main, Optional<DatabaseUrl> shadowUrl, Consumer<String> note) {
        return schema(migrations, main, shadowUrl, List.of(), note);
    }

    /** As above, reading the database schemas {@code namespaces} of a multi-schema model (they are part of the key). */
    public Result schema(List<LocalMigration> migrations, DatabaseUrl main, Optional<DatabaseUrl> shadowUrl, List<String> namespaces,
                         Consumer<String> note) {
        String provider = main.provider().prismaName() + (namespaces.isEmpty() ? "" : " " + String.join(",", namespaces));
        List<String> keys = chainKeys(provider, migrations);
        if (migrations.isEmpty()) {
            return new Result(null, 0, 0, null);
        }
        int prefix = 0;
        Schema start = null;
        for (int i = keys.size() - 1; i >= 0; i--) {
            Optional<Schema> cached = read(keys.get(i));
            // Objects godwit does not model (functions, triggers) cannot be recreated from the model.
            if (cached.isPresent() && (i == keys.size() - 1 || cached.get().unmanaged().isEmpty())) {
                prefix = i + 1;
                start = cached.get();
                break;
            }
        }
        if (prefix == migrations.size()) {
            return new Result(start, 0, prefix, null);
        }
        List<LocalMigration> rest = migrations.subList(prefix, migrations.size());
        Schema result;
        String description;
        try (ShadowDatabase shadow = ShadowProvider.open(main, shadowUrl, namespaces)) {
            description = shadow.describe();
            note.accept("replaying " + rest.size() + " migration(s)" + (prefix > 0 ? " after " + prefix + " cached" : "")
                    + " into the " + description);
            if (start != null) {
                shadow.replay(List.of(recreate(shadow, start, migrations.get(prefix - 1).name())));
            }
            shadow.replay(rest);
            result = shadow.inspect(namespaces);
        }
        write(keys.get(keys.size() - 1), result);
        return new Result(result, rest.size(), prefix, description);
    }

    /**
     * The cached schema of the whole chain, if there is one: a pure read (no shadow database, no
     * output), which callers may run early, on another thread. {@link #schema} gives the same schema.
     */
    public Optional<Schema> cached(List<LocalMigration> migrations, Provider provider) {
        return cached(migrations, provider, List.of());
    }

    /** As above, for the database schemas {@code namespaces} of a multi-schema model. */
    public Optional<Schema> cached(List<LocalMigration> migrations, Provider provider, List<String> namespaces) {
        if (migrations.isEmpty()) {
            return Optional.empty();
        }
        List<String> keys = chainKeys(provider.prismaName() + (namespaces.isEmpty() ? "" : " " + String.join(",", namespaces)), migrations);
        return read(keys.get(keys.size() - 1));
    }

    /** A script that builds the cached schema from nothing, as a stand-in for the cached migrations. */
    private LocalMigration recreate(ShadowDatabase shadow, Schema schema, String lastName) {
        var dialect = shadow.target().dialect();
        Schema named = schema.withName(shadow.target().schema());
        String sql = dialect.ddlWriter().script(dev.godwit.engine.diff.Differ.diff(Schema.empty(named.name()), named, dialect.diffHooks()));
        try {
            Files.createDirectories(dir);
            Path f = Files.createTempFile(dir, "prefix-", ".sql");
            f.toFile().deleteOnExit();
            Files.writeString(f, sql, StandardCharsets.UTF_8);
            return LocalMigration.load("cached schema up to " + lastName, f);
        } catch (IOException e) {
            throw new GodwitException(ErrorKind.RUNTIME, "cannot write to " + dir + ": " + e.getMessage());
        }
    }

    Optional<Schema> read(String key) {
        Path f = dir.resolve("replay-" + key + ".json");
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(f.toFile(), Schema.class));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // a damaged or outdated entry is replayed again
        }
    }

    void write(String key, Schema schema) {
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "replay-", ".tmp");
            JSON.writeValue(tmp.toFile(), schema);
            Files.move(tmp, dir.resolve("replay-" + key + ".json"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // The cache only saves time; failing to write it is not an error.
        }
    }

    /** Round trip through the cache format (for tests). */
    static Schema roundTrip(Schema s) throws IOException {
        return JSON.readValue(JSON.writeValueAsString(s), Schema.class);
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
