package dev.godwit.engine.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.godwit.engine.ErrorKind;
import dev.godwit.engine.GodwitException;
import dev.godwit.engine.migrate.LocalMigration;
import dev.godwit.engine.migrate.MigrationsFolder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The record of a fleet apply, {@code .godwit/fleet/NAME.json}: which targets the run left up to date, for
 * {@code --resume}. Written after every target (to a temporary file, then moved into place), so a run killed at
 * any moment leaves a record that was true when written. It names the migrations it ran (a fingerprint of their
 * names and checksums): a resumption with other migrations would skip targets that lack the new ones.
 */
public final class FleetRecord {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final String fleet;
    private final String fingerprint;
    private final Instant started;
    private final Map<String, TargetOutcome.State> states;

    private FleetRecord(Path file, String fleet, String fingerprint, Instant started, Map<String, TargetOutcome.State> states) {
        this.file = file;
        this.fleet = fleet;
        this.fingerprint = fingerprint;
        this.started = started;
        this.states = states;
    }

    public static Path fileOf(Path projectRoot, String fleet) {
        return projectRoot.resolve(".godwit").resolve("fleet").resolve(fleet + ".json");
    }

    /** A new record for a run starting now (replacing any earlier one once the first target is written). */
    public static FleetRecord start(Path projectRoot, String fleet, MigrationsFolder folder) {
        return new FleetRecord(fileOf(projectRoot, fleet), fleet, fingerprint(folder), Instant.now(), new LinkedHashMap<>());
    }

    /** The record of the last run, to resume it; refuses when there is none or the migrations changed since. */
    public static FleetRecord resume(Path projectRoot, String fleet, MigrationsFolder folder) {
        Path f = fileOf(projectRoot, fleet);
        if (!Files.isRegularFile(f)) {
            throw new GodwitException(ErrorKind.USAGE, "no run of fleet " + fleet + " to resume (" + f + " does not exist)",
                    "run `godwit apply --fleet " + fleet + "` without --resume");
        }
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(f, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new GodwitException(ErrorKind.USAGE, "cannot read the fleet run record " + f + ": " + e.getMessage(),
                    "run without --resume to start over", e);
        }
        String fp = root.path("migrations").asText("");
        if (!fp.equals(fingerprint(folder))) {
            throw new GodwitException(ErrorKind.USAGE, "the migrations changed since the run of fleet " + fleet + " that --resume would continue",
                    "run `godwit apply --fleet " + fleet + "` without --resume: every target is checked again, and each applies only what it lacks");
        }
        Map<String, TargetOutcome.State> states = new LinkedHashMap<>();
        root.path("targets").fields().forEachRemaining(e -> {
            try {
                states.put(e.getKey(), TargetOutcome.State.valueOf(e.getValue().path("state").asText()));
            } catch (IllegalArgumentException ignored) {
                // an unknown state is no proof of anything: the target runs again
            }
        });
        Instant started = Instant.parse(root.path("started").asText(Instant.now().toString()));
        return new FleetRecord(f, fleet, fp, started, states);
    }

    /** Whether an earlier run left the target up to date. */
    public synchronized boolean doneEarlier(String target) {
        TargetOutcome.State s = states.get(target);
        return s != null && s.ok();
    }

    public synchronized void record(TargetOutcome o) {
        if (o.state() == TargetOutcome.State.DONE_EARLIER) {
            return;
        }
        states.put(o.target(), o.state());
        write();
    }

    public Path file() {
        return file;
    }

    private void write() {
        ObjectNode root = JSON.createObjectNode();
        root.put("fleet", fleet);
        root.put("started", started.toString());
        root.put("migrations", fingerprint);
        ObjectNode targets = root.putObject("targets");
        states.forEach((k, v) -> targets.putObject(k).put("state", v.name()));
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root), StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new GodwitException(ErrorKind.RUNTIME, "cannot write the fleet run record " + file + ": " + e.getMessage(), null, e);
        }
    }

    static String fingerprint(MigrationsFolder folder) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (LocalMigration m : folder.migrations()) {
                md.update((m.name() + ":" + m.checksum() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
