package dev.godwit.engine;


import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class SecretsTest {

    @BeforeEach
    @AfterEach
    void forget() {
        Secrets.clearRegistered();
    }

    @Test
    void masksUrlUserInfo() {
        assertEquals("connecting to postgresql://u:****@h/db now",
                Secrets.mask("connecting to postgresql://u:pw@h/db now"));
        assertEquals("'mysql://root:****@h:3306/x'", Secrets.mask("'mysql://root:s3cr3t@h:3306/x'"));
        assertEquals("a postgresql://u@h/db b", Secrets.mask("a postgresql://u@h/db b"));
        assertEquals("postgresql://h:5432/db", Secrets.mask("postgresql://h:5432/db"));
        assertEquals("x://a:****@b y://c:****@d", Secrets.mask("x://a:1@b y://c:2@d"));
    }

    @Test
    void unencodedAtInPasswordIsHiddenWhole() {
        assertEquals("postgresql://u:****@host/db", Secrets.mask("postgresql://u:p@ss@host/db"));
    }

    @Test
    void masksPasswordPairs() {
        assertEquals("user=u password=**** host=h", Secrets.mask("user=u password=xyz host=h"));
        assertEquals("?user=u&password=****&ssl=true", Secrets.mask("?user=u&password=xyz&ssl=true"));
        assertEquals("PGPASSWORD=****; next", Secrets.mask("PGPASSWORD=abc; next"));
        assertEquals("password=**** x", Secrets.mask("password='a b c' x"));
        assertEquals("\"password=****\"", Secrets.mask("\"password=qq\""));
        assertEquals("sslpassword=****", Secrets.mask("sslpassword=k"));
        assertEquals("password= nothing", Secrets.mask("password= nothing"));
    }

    @Test
    void masksRegisteredLiterals() {
        Secrets.register("correct horse");
        Secrets.register("ab");
        Secrets.register(null);
        assertEquals("FATAL: bad secret **** for ab", Secrets.mask("FATAL: bad secret correct horse for ab"));
    }

    @Test
    void longerSecretsAreMaskedFirst() {
        Secrets.register("abc");
        Secrets.register("abcdef");
        assertEquals("****", Secrets.mask("abcdef"));
    }

    @Test
    void maskUrlTreatsTheWholeStringAsOneUrl() {
        assertEquals("postgresql://u:****@h/db", Secrets.maskUrl("postgresql://u:pa ss@h/db"));
        assertEquals("u:****@h/db", Secrets.maskUrl("u:pw@h/db"));
        assertEquals("localhost:5432/db", Secrets.maskUrl("localhost:5432/db"));
        assertNull(Secrets.mask(null));
        assertEquals("", Secrets.mask(""));
    }

    @Test
    void registryIsThreadSafe() throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int base = t;
            Thread th = new Thread(() -> {
                for (int i = 0; i < 200; i++) {
                    Secrets.register("sec-" + base + "-" + i);
                    Secrets.mask("text sec-0-0");
                }
            });
            threads.add(th);
            th.start();
        }
        for (Thread th : threads) {
            th.join();
        }
        assertEquals("text ****", Secrets.mask("text sec-0-0"));
        assertEquals("****", Secrets.mask("sec-7-199"));
    }
}
