package dev.godwit.engine.project;

import dev.godwit.engine.GodwitException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SafetyConfigTest {
    @Test
    void readsLintApplyAndPlanTables() {
        GodwitConfig c = GodwitConfig.parse("""
                [lint]
                ignore = ["rename-column"]
                error_rows = 500000
                warn_size = "64MB"
                [apply]
                lock_timeout_per_statement = "1500ms"
                retries = 4
                [plan]
                safe = true
                """, null);
        SafetyConfig s = c.safety();
        assertEquals(Map.of("rename-column", "ignored in godwit.toml"), s.lintIgnore());
        assertEquals(500_000, s.errorRows());
        assertEquals(64L << 20, s.warnBytes());
        assertEquals(Duration.ofMillis(1500), s.lockTimeoutPerStatement());
        assertEquals(4, s.retries());
        assertTrue(s.safePlans());
        assertTrue(c.warnings().isEmpty(), c.warnings().toString());
    }

    @Test
    void defaultsAndBadValues() {
        assertNull(GodwitConfig.parse("[project]\n", null).safety().lockTimeoutPerStatement());
        GodwitException e = assertThrows(GodwitException.class, () -> GodwitConfig.parse("[apply]\nlock_timeout_per_statement = \"soon\"\n", null));
        assertTrue(e.getMessage().contains("apply.lock_timeout_per_statement must be a duration"), e.getMessage());
        GodwitException unknown = assertThrows(GodwitException.class, () -> GodwitConfig.parse("[lint]\nwarn_row = 1\n", null));
        assertEquals("godwit.toml:2: unknown key \"warn_row\" in [lint]; did you mean \"warn_rows\"?", unknown.getMessage());
    }
}
