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
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The record of a fleet apply, {@code .godwit/fleet/NAME.json}: which targets the run left up to date, for
 * {@code --resume}. Written when a target's first connection opens (the target is "in flight", with the server
 * sessions it works through) and when the target ends (to a temporary file, then moved into place), so a run killed
 * at any moment leaves a record that was true when written, and names the targets it may have left half-way. It names the migrations it ran (a fingerprint of their
 * names and checksums): a resumption with other migrations would skip targets that lack the new ones.
 */
public final class FleetRecord {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String IN_FLIGHT = "IN_FLIGHT";

    private final Path file;
    private final String fleet;
    private final String fingerprint;
    private final Instant started;
    private final Map<String, TargetOutcome.State> states;
    /** Targets under way (or under way when the run was killed), with their server sessions. */
    private final Map<String, List<String>> inFlight;
    /** Targets the run resumed here left in flight. */
    private final java.util.Set<String> interruptedEarlier;

    private FleetRecord(Path file, String fleet, String fingerprint, Instant started, Map<String, TargetOutcome.State> states,
                        Map<String, List<String>> inFlight) {
        this.file = file;
        this.fleet = fleet;
        this.fingerprint = fingerprint;
        this.started = started;
        this.states = states;
        this.inFlight = inFlight;
        this.interruptedEarlier = java.util.Set.copyOf(inFlight.keySet());
    }

    public static Path fileOf(Path projectRoot, String fleet) {
        return projectRoot.resolve(".godwit").resolve("fleet").resolve(fleet + ".json");
    }

    /** A new record for a run starting now (replacing any earlier one once the first target is written). */
    public static FleetRecord start(Path projectRoot, String fleet, MigrationsFolder folder) {
        return new FleetRecord(fileOf(projectRoot, fleet), fleet, fingerprint(folder), Instant.now(), new LinkedHashMap<>(), new LinkedHashMap<>());
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
        Map<String, List<String>> inFlight = new LinkedHashMap<>();
        root.path("targets").fields().forEachRemaining(e -> {
            if (IN_FLIGHT.equals(e.getValue().path("state").asText())) {
                List<String> sessions = new ArrayList<>();
                e.getValue().path("sessions").forEach(n -> sessions.add(n.asText()));
                inFlight.put(e.getKey(), sessions);
                return;
            }
            try {
                states.put(e.getKey(), TargetOutcome.State.valueOf(e.getValue().path("state").asText()));
            } catch (IllegalArgumentException ignored) {
                // an unknown state is no proof of anything: the target runs again
            }
        });
        Instant started = Instant.parse(root.path("started").asText(Instant.now().toString()));
        return new FleetRecord(f, fleet, fp, started, states, inFlight);
    }

    /** Whether an earlier run left the target up to date. */
    public synchronized boolean doneEarlier(String target) {
        TargetOutcome.State s = states.get(target);
        return s != null && s.ok();
    }

    /**
     * The server sessions an earlier run was working through on the target when it stopped without ending it
     * (killed): the target may hold a migration half-way; empty when the target was not in flight.
     */
    public synchronized Optional<List<String>> interrupted(String target) {
        return Optional.ofNullable(inFlight.get(target)).map(List::copyOf);
    }

    /** The target opened a connection (server session {@code session}), written before any statement runs on it. */
    public synchronized void inFlight(String target, String session) {
        List<String> sessions = inFlight.computeIfAbsent(target, k -> new ArrayList<>());
        if (!sessions.contains(session)) {
            sessions.add(session);
            write();
        }
    }

    public synchronized void record(TargetOutcome o) {
        if (o.state() == TargetOutcome.State.DONE_EARLIER) {
            return;
        }
        // a target an earlier run was killed on stays marked until it ends well: what that run left is readied again next time
        if (o.state().ok() || !interruptedEarlier.contains(o.target())) {
            inFlight.remove(o.target());
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
        states.forEach((k, v) -> {
            if (!inFlight.containsKey(k)) {
                targets.putObject(k).put("state", v.name());
            }
        });
        inFlight.forEach((k, v) -> {
            ObjectNode t = targets.putObject(k);
            t.put("state", IN_FLIGHT);
            v.forEach(t.putArray("sessions")::add);
        });
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
