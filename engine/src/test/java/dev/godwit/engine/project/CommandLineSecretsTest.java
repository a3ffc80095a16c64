package dev.godwit.engine.project;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** Shell lines as typed, well-formed or not: the password never survives masking. */
class CommandLineSecretsTest {
    private static final String PW = "Pa5s";

    @AfterEach
    void forget() {
        Secrets.clearRegistered();
    }

    private static void hidden(String line, String expected) {
        String m = CommandLineSecrets.mask(line);
        assertEquals(expected, m, line);
        assertFalse(m.contains(PW), m);
    }

    @Test
    void urlsWithQuotesSpacesAndEncodings() {
        hidden("connect postgresql://user:Pa5s@h/db", "connect postgresql://user:****@h/db");
        hidden("connect postgresql://user:pa'Pa5s@h/db", "connect postgresql://user:****@h/db");
        hidden("connect \"postgresql://user:Pa5s word@h/db\"", "connect \"postgresql://user:****@h/db\"");
        hidden("connect 'postgresql://user:it''sPa5s@h/db'", "connect 'postgresql://user:****@h/db'");
        hidden("connect postgresql://user:Pa5s%40%27x@h/db", "connect postgresql://user:****@h/db");
        hidden("connect mysql://root:Pa5s@x@h:3306/db", "connect mysql://root:****@h:3306/db");
        hidden("connect jdbc:mysql://root:Pa5s@h/db", "connect jdbc:mysql://root:****@h/db");
        hidden("status --url postgresql://u:Pa5s@h/db --env x", "status --url postgresql://u:****@h/db --env x");
    }

    @Test
    void queryParametersAndKeyValueStrings() {
        hidden("connect jdbc:postgresql://h/db?user=u&password=Pa5s&ssl=true", "connect jdbc:postgresql://h/db?user=u&password=****&ssl=true");
        hidden("connect jdbc:postgresql://h/db?password=x'Pa5s&ssl=true", "connect jdbc:postgresql://h/db?password=****&ssl=true");
        hidden("connect jdbc:postgresql://h/db?password=Pa5s%27", "connect jdbc:postgresql://h/db?password=****");
        hidden("connect host=h user=u password='a b Pa5s' dbname=x", "connect host=h user=u password=**** dbname=x");
        hidden("connect host=h password = 'it\\'s Pa5s' dbname=x", "connect host=h password = **** dbname=x");
        hidden("connect host=h PASSWORD=Pa5s", "connect host=h PASSWORD=****");
        hidden("connect Server=h;Pwd=Pa5s x", "connect Server=h;Pwd=**** x");
        hidden("connect {\"password\": \"Pa5s\"}", "connect {\"password\": ****}");
        hidden("sql select 1 -- PGPASSWORD=Pa5s", "sql select 1 -- PGPASSWORD=****");
    }

    @Test
    void passwordOptions() {
        hidden("connect --password Pa5s postgresql://u@h/db", "connect --password **** postgresql://u@h/db");
        hidden("connect --password=Pa5s", "connect --password=****");
        hidden("connect -p Pa5s", "connect -p ****");
        hidden("connect -pPa5s", "connect -p****");
    }

    @Test
    void unclosedQuotesAndGarbage() {
        hidden("connect \"postgresql://u:Pa5s@h/db", "connect \"postgresql://u:****@h/db");
        hidden("connect password='Pa5s", "connect password=****");
        hidden("connect postgresql://u:Pa5s", "connect postgresql://u:****");
        hidden("connect postgresql://u:Pa5s/db", "connect postgresql://u:****/db");
        assertEquals("connect postgresql://h:5432/db", CommandLineSecrets.mask("connect postgresql://h:5432/db"));
        assertEquals("connect postgresql://[::1]:5432/db", CommandLineSecrets.mask("connect postgresql://[::1]:5432/db"));
    }

    @Test
    void registeredSecretsAreMaskedToo() {
        Secrets.register("Pa5s-registered");
        assertEquals("sql select '****'", CommandLineSecrets.mask("sql select 'Pa5s-registered'"));
    }

    @Test
    void linesWithoutSecretsAreKept() {
        for (String line : new String[]{"status", "sql select * from t where a = 'x' and b = \"y\";", "resolve --rolled-back 2024_x",
                "connect postgresql://u@h/db", "plan --name add_posts", "diff --from empty --to url:postgresql://h/db"}) {
            assertEquals(line, CommandLineSecrets.mask(line));
        }
    }
}
