package dev.godwit.engine.project;


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

    @Test
    void everyEncodingOfARegisteredSecretIsMasked() {
        String pw = "pa'ss w/@rd:ü%\"";
        Secrets.register(pw);
        for (String form : new String[]{
                pw,
                java.net.URLEncoder.encode(pw, java.nio.charset.StandardCharsets.UTF_8),
                java.net.URLEncoder.encode(pw, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"),
                java.net.URLEncoder.encode(pw, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20").toLowerCase(java.util.Locale.ROOT)
                        .replace("pa", "pa").replace("ss", "ss"),
                SecretEncodings.percent(pw, "-._~"),
                SecretEncodings.percent(pw, ""),
                "pa'ss w/@rd:\u00fc%\\\"",
                java.util.Base64.getEncoder().encodeToString(pw.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                pw.replace("'", "''")}) {
            assertEquals("url=****;", Secrets.mask("url=" + form + ";"), "form: " + form);
        }
    }

    @Test
    void aPasswordGivenEncodedInAJdbcQueryIsMaskedInThePrismaUrlBuiltFromIt() {
        DatabaseUrl url = DatabaseUrl.parse("jdbc:postgresql://db.example:5432/app?user=app&password=s%40cr%2Fet%21%27x");
        String prisma = url.prismaUrl();
        assertTrue(prisma.contains("s%40cr%2Fet"), prisma);
        String seedOutput = "DATABASE_URL is " + prisma + "\npassword part: " + prisma.substring(prisma.indexOf(':', 14) + 1, prisma.indexOf('@'));
        String masked = Secrets.mask(seedOutput);
        assertFalse(masked.contains("cr%2F") || masked.contains("cr/et") || masked.contains("cr%2f"), masked);
    }

    /**
     * A megabyte of text with secrets at its start, middle and end comes back the same length class with every one
     * masked and nothing else touched (how its cost grows with the length is measured by scripts/torture's 1 MB value,
     * not timed here).
     */
    @Test
    void aMegabyteOfTextIsMaskedWhereverTheSecretsStand() {
        Secrets.register("s3cr3t-pw");
        String filler = "ab".repeat(250_000) + "x1".repeat(125_000);
        String text = "s3cr3t-pw " + filler + " password=no postgresql://u:p@h/db " + filler + " s3cr3t-pw";
        String masked = Secrets.mask(text);
        assertFalse(masked.contains("s3cr3t-pw"));
        assertTrue(masked.startsWith(Secrets.MASK + " " + filler), masked.substring(0, 40));
        assertTrue(masked.endsWith(filler + " " + Secrets.MASK), masked.substring(masked.length() - 40));
        assertTrue(masked.contains(" password=" + Secrets.MASK + " "), "the password pair in the middle");
        assertFalse(masked.contains("u:p@h"), "the URL's password in the middle");
    }

    @Test
    void passwordPairsAreFoundInAnyCaseAmongOtherEqualsSigns() {
        assertEquals("a=1 b==2 PassWord=**** c=3", Secrets.mask("a=1 b==2 PassWord=s3cr3t c=3"));
        assertEquals("=password=****", Secrets.mask("=password=x"));
        assertEquals("user=u&password=****&sslmode=require password=**** x=y", Secrets.mask(
                "user=u&password=p1&sslmode=require password='p 2' x=y"));
        String ddl = "ALTER TABLE \"t\" ADD CONSTRAINT \"c\" CHECK (\"a\" >= 0 AND \"passwords\" = 1);\n";
        assertEquals(ddl, Secrets.mask(ddl));
        assertEquals("passwor=1 assword=2", Secrets.mask("passwor=1 assword=2"));
    }
}
