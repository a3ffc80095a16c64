package dev.godwit.engine.project;


import dev.godwit.engine.Provider;

import dev.godwit.engine.ErrorKind;
import dev.godwit.engine.GodwitException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.*;

class DatabaseUrlTest {

    @Test
    void prismaPostgresFull() {
        DatabaseUrl u = DatabaseUrl.parse("postgresql://alice:s3cret@db.example.com:6543/shop?schema=sales&sslmode=require");
        assertEquals(Provider.POSTGRESQL, u.provider());
        assertEquals("db.example.com", u.host());
        assertEquals(6543, u.port());
        assertEquals("shop", u.database());
        assertEquals("alice", u.user());
        assertEquals("s3cret", u.password());
        assertEquals("sales", u.schema());
        assertEquals(Map.of("sslmode", "require"), u.params());
        assertFalse(u.isJdbcForm());
        assertEquals("postgresql://alice:****@db.example.com:6543/shop?schema=sales&sslmode=require", u.masked());
        assertEquals(u.masked(), u.toString());
        assertEquals("db.example.com:6543/shop", u.display());
    }

    @Test
    void postgresSchemeDefaultsPortHostAndSchema() {
        DatabaseUrl u = DatabaseUrl.parse("postgres://bob@/app");
        assertEquals(Provider.POSTGRESQL, u.provider());
        assertEquals("localhost", u.host());
        assertEquals(5432, u.port());
        assertEquals("public", u.schema());
        assertEquals("bob", u.user());
        assertNull(u.password());
        assertEquals("localhost/app", u.display());
        assertEquals("postgres", u.scheme());
    }

    @Test
    void mysqlAndMariadb() {
        DatabaseUrl m = DatabaseUrl.parse("mysql://root:pw1@127.0.0.1/inventory");
        assertEquals(Provider.MYSQL, m.provider());
        assertEquals(3306, m.port());
        assertEquals("inventory", m.database());
        assertEquals("inventory", m.schema());
        assertEquals("127.0.0.1/inventory", m.display());
        DatabaseUrl md = DatabaseUrl.parse("mariadb://u:p@maria:3307/x");
        assertEquals(Provider.MYSQL, md.provider());
        assertEquals(3307, md.port());
        assertEquals("maria:3307/x", md.display());
    }

    @Test
    void percentEncodedCredentialsAndDatabase() {
        DatabaseUrl u = DatabaseUrl.parse("postgresql://us%40er:p%40ss%3Aw%2Frd%23%3F@h/my%20db");
        assertEquals("us@er", u.user());
        assertEquals("p@ss:w/rd#?", u.password());
        assertEquals("my db", u.database());
        assertFalse(u.masked().contains("p%40ss"));
        assertEquals("postgresql://us%40er:****@h/my%20db", u.masked());
    }

    @Test
    void unencodedAtAndSlashInPasswordAreTolerated() {
        DatabaseUrl u = DatabaseUrl.parse("postgresql://u:pa@ss/w@host:5433/db");
        assertEquals("pa@ss/w", u.password());
        assertEquals("host", u.host());
        assertEquals(5433, u.port());
        assertEquals("db", u.database());
        assertEquals("postgresql://u:****@host:5433/db", u.masked());
    }

    @Test
    void ipv6Hosts() {
        DatabaseUrl u = DatabaseUrl.parse("postgresql://u:p@[::1]:5433/db");
        assertEquals("::1", u.host());
        assertEquals(5433, u.port());
        assertEquals("[::1]:5433/db", u.display());
        assertTrue(u.jdbcUrl().startsWith("jdbc:postgresql://[::1]:5433/db"));
        DatabaseUrl v = DatabaseUrl.parse("mysql://u@[fe80::1]/db");
        assertEquals("fe80::1", v.host());
        assertEquals(3306, v.port());
        assertEquals("[fe80::1]/db", v.display());
    }

    @Test
    void noDatabase() {
        DatabaseUrl u = DatabaseUrl.parse("postgresql://u:p@host:5432");
        assertNull(u.database());
        assertEquals("host", u.display());
        assertEquals("jdbc:postgresql://host:5432/?currentSchema=public", u.jdbcUrl());
    }

    @Test
    void jdbcPostgresWithParams() {
        DatabaseUrl u = DatabaseUrl.parse(
                "jdbc:postgresql://pg:5432/app?user=carol&password=top%26secret&currentSchema=tenant1&ssl=true");
        assertTrue(u.isJdbcForm());
        assertEquals("carol", u.user());
        assertEquals("top&secret", u.password());
        assertEquals("tenant1", u.schema());
        assertEquals(Map.of("ssl", "true"), u.params());
        assertEquals("jdbc:postgresql://pg:5432/app?user=carol&password=****&currentSchema=tenant1&ssl=true", u.masked());
        assertEquals("jdbc:postgresql://pg:5432/app?currentSchema=tenant1&ssl=true", u.jdbcUrl());
    }

    @Test
    void jdbcPostgresWithoutAuthority() {
        DatabaseUrl u = DatabaseUrl.parse("jdbc:postgresql:app?user=x");
        assertEquals("localhost", u.host());
        assertEquals(5432, u.port());
        assertEquals("app", u.database());
        assertEquals("jdbc:postgresql:other?user=x", u.withDatabase("other").masked());
    }

    @Test
    void jdbcMysqlAndMariadb() {
        DatabaseUrl u = DatabaseUrl.parse("jdbc:mysql://my:3310/shop?user=dave&password=hunter22&sslMode=REQUIRED");
        assertEquals(Provider.MYSQL, u.provider());
        assertEquals("dave", u.user());
        assertEquals("hunter22", u.password());
        assertEquals("jdbc:mysql://my:3310/shop?sslMode=REQUIRED", u.jdbcUrl());
        assertEquals("jdbc:mysql://my:3310/shop?user=dave&password=****&sslMode=REQUIRED", u.masked());
        DatabaseUrl m = DatabaseUrl.parse("jdbc:mariadb://maria/shop");
        assertEquals(Provider.MYSQL, m.provider());
        assertEquals("jdbc:mysql://maria:3306/shop", m.jdbcUrl());
    }

    @Test
    void schemaParamIsPostgresSchemaAndDefaultsToPublic() {
        assertEquals("public", DatabaseUrl.parse("postgresql://h/db").schema());
        assertEquals("s1", DatabaseUrl.parse("postgresql://h/db?schema=s1").schema());
        assertEquals("s2", DatabaseUrl.parse("postgresql://h/db?currentSchema=s2").schema());
        assertTrue(DatabaseUrl.parse("postgresql://h/db?schema=s1").params().isEmpty());
    }

    @Test
    void paramsAreUnmodifiable() {
        DatabaseUrl u = DatabaseUrl.parse("postgresql://h/db?sslmode=disable");
        assertThrows(UnsupportedOperationException.class, () -> u.params().put("x", "y"));
    }

    @Test
    void postgresJdbcUrlAndProperties() {
        DatabaseUrl u = DatabaseUrl.parse("postgresql://u:pw@h:5432/db?schema=s&sslmode=require&connect_timeout=10"
                + "&connection_limit=5&pgbouncer=true&sslpassword=keypass&application_name=ci");
        // pgbouncer=true: Prisma's flag for a pooled URL; the driver then names no server-side statements.
        assertEquals("jdbc:postgresql://h:5432/db?currentSchema=s&sslmode=require&connectTimeout=10&prepareThreshold=0&ApplicationName=ci",
                u.jdbcUrl());
        Properties p = u.jdbcProperties();
        assertEquals("u", p.getProperty("user"));
        assertEquals("pw", p.getProperty("password"));
        assertEquals("keypass", p.getProperty("sslpassword"));
        assertNull(p.getProperty("connectTimeout"), "given in the URL");
        assertNull(p.getProperty("ApplicationName"), "given in the URL");
        assertNull(p.getProperty("socketTimeout"));
        Properties d = DatabaseUrl.parse("postgresql://h/db").jdbcProperties();
        assertEquals("godwit", d.getProperty("ApplicationName"));
        assertEquals("5", d.getProperty("connectTimeout"));
        assertNull(d.getProperty("user"));
        assertNull(d.getProperty("password"));
    }

    @Test
    void strictSslAcceptBecomesVerifyFull() {
        DatabaseUrl u = DatabaseUrl.parse("postgresql://h/db?sslmode=require&sslaccept=strict");
        assertEquals("jdbc:postgresql://h:5432/db?currentSchema=public&sslmode=verify-full", u.jdbcUrl());
    }

    @Test
    void mysqlJdbcUrlAndProperties() {
        DatabaseUrl u = DatabaseUrl.parse("mysql://u:pw@h/db?connect_timeout=3&connection_limit=2&sslaccept=strict");
        assertEquals("jdbc:mysql://h:3306/db?connectTimeout=3000&sslMode=VERIFY_IDENTITY", u.jdbcUrl());
        Properties p = u.jdbcProperties();
        assertEquals("u", p.getProperty("user"));
        assertEquals("pw", p.getProperty("password"));
        assertNull(p.getProperty("connectTimeout"));
        assertEquals("true", p.getProperty("allowPublicKeyRetrieval"));
        Properties d = DatabaseUrl.parse("mysql://h/db?allowPublicKeyRetrieval=false").jdbcProperties();
        assertEquals("5000", d.getProperty("connectTimeout"));
        assertNull(d.getProperty("allowPublicKeyRetrieval"));
        assertNull(d.getProperty("useSSL"));
    }

    @Test
    void jdbcUrlEncodesDatabaseAndValues() {
        DatabaseUrl u = DatabaseUrl.parse("postgresql://h/my%20db%2Bx?options=-c%20statement_timeout%3D5");
        assertEquals("jdbc:postgresql://h:5432/my%20db%2Bx?currentSchema=public&options=-c%20statement_timeout%3D5",
                u.jdbcUrl());
    }

    /** Prisma reads the first path segment: "host/db/" names db; "host/a/b" stays an error (which one was meant?). */
    @Test
    void oneTrailingSlashAfterTheDatabaseIsAccepted() {
        DatabaseUrl u = DatabaseUrl.parse("postgresql://u:pw@h:5432/app/?schema=s");
        assertEquals("app", u.database());
        assertEquals("s", u.schema());
        assertEquals("jdbc:postgresql://h:5432/app?currentSchema=s", u.jdbcUrl());
        assertEquals("app_shadow", u.withDatabase("app_shadow").database());
        assertEquals("app", DatabaseUrl.parse("mysql://root@h:3306/app/").database());
        assertNull(DatabaseUrl.parse("mysql://root@h:3306/").database());
        GodwitException e = assertThrows(GodwitException.class, () -> DatabaseUrl.parse("postgresql://h/a/b"));
        assertTrue(e.getMessage().contains("must not contain"), e.getMessage());
    }

    @Test
    void withDatabaseKeepsForm() {
        DatabaseUrl u = DatabaseUrl.parse("postgresql://u:pw@h:5432/app?schema=s");
        DatabaseUrl v = u.withDatabase("app_shadow");
        assertEquals("app_shadow", v.database());
        assertEquals("s", v.schema());
        assertEquals("pw", v.password());
        assertEquals("postgresql://u:****@h:5432/app_shadow?schema=s", v.masked());
        assertEquals("postgresql://u:****@h:5432/a%20b?schema=s", u.withDatabase("a b").masked());
        assertEquals("a b", u.withDatabase("a b").database());
        DatabaseUrl noDb = DatabaseUrl.parse("mysql://h?sslMode=DISABLED");
        assertEquals("mysql://h/x?sslMode=DISABLED", noDb.withDatabase("x").masked());
        assertEquals("x", noDb.withDatabase("x").schema());
        assertNull(u.withDatabase(null).database());
    }

    @Test
    void equalityIsByText() {
        assertEquals(DatabaseUrl.parse(" postgresql://h/db "), DatabaseUrl.parse("postgresql://h/db"));
        assertNotEquals(DatabaseUrl.parse("postgresql://h/db"), DatabaseUrl.parse("postgresql://h/db2"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "postgresql://u:Pa55word9@h/db",
            "postgresql://u:Pa55word9@h:5432/db?schema=x&sslmode=require",
            "postgres://u@h/db?password=Pa55word9",
            "postgresql://u:Pa55 word9@h/db",
            "mysql://root:Pa55word9@h:3306/db",
            "jdbc:postgresql://h/db?password=Pa55word9&user=u",
            "jdbc:mysql://h/db?user=u&password=Pa55word9",
            "postgresql://u:Pa55word9@h/db?options=a@b",
            "postgresql://u:Pa55word9@h/db?sslpassword=Pa55word9",
    })
    void maskedNeverContainsThePassword(String raw) {
        DatabaseUrl u = DatabaseUrl.parse(raw);
        assertFalse(u.masked().contains("Pa55word9"), u.masked());
        assertFalse(u.toString().contains("Pa55word9"));
        assertFalse(u.withDatabase("other").masked().contains("Pa55word9"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "postgresql://u:Pa55word9@h:notaport/db",
            "postgresql://u:Pa55word9@h:99999/db",
            "postgresql://u:Pa55word9@::1/db",
            "postgresql://u:Pa55word9@[::1/db",
            "postgresql://u:Pa55%zzword9@h/db",
            "postgresql://u:Pa55word9@h/db/extra",
            "postgresql://u:Pa55?word9@h:x/db",
            "postgresql:/u:Pa55word9@h/db",
            "u:Pa55word9@h/db",
            "sqlite://u:Pa55word9@h/db",
            "jdbc:mysql:u:Pa55word9@h/db",
            "jdbc:postgresql://h/db?password=Pa55word9&user=u&x=%zz",
            "postgresql://u:Pa55word9@h/db?=x",
            "postgresql://u:Pa55word9@h o s t/db",
    })
    void malformedUrlsAreUsageErrorsWithoutThePassword(String raw) {
        GodwitException e = assertThrows(GodwitException.class, () -> DatabaseUrl.parse(raw));
        assertEquals(ErrorKind.USAGE, e.kind());
        assertTrue(e.getMessage().startsWith("malformed database URL: "), e.getMessage());
        assertFalse(e.getMessage().contains("Pa55"), e.getMessage());
        assertFalse(e.getMessage().contains("word9"), e.getMessage());
        assertEquals(DatabaseUrl.FORMAT_HINT, e.hint());
    }

    @Test
    void malformedMessageNamesTheReason() {
        GodwitException e = assertThrows(GodwitException.class, () -> DatabaseUrl.parse("postgresql://u:secretpw@h:x/db"));
        assertEquals("malformed database URL: postgresql://u:****@h:x/db (invalid port, expected a number from 1 to 65535)",
                e.getMessage());
        GodwitException s = assertThrows(GodwitException.class, () -> DatabaseUrl.parse("sqlite://file.db"));
        assertTrue(s.getMessage().contains("unsupported scheme \"sqlite\""), s.getMessage());
        assertThrows(GodwitException.class, () -> DatabaseUrl.parse(""));
        assertThrows(GodwitException.class, () -> DatabaseUrl.parse(null));
    }

    @Test
    void parseRegistersThePasswordForMasking() {
        DatabaseUrl.parse("postgresql://u:Zq9-registered@h/db");
        assertEquals("auth failed with ****", Secrets.mask("auth failed with Zq9-registered"));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {
            "postgresql://h/db?connect_timeout=abc", "postgresql://h/db?sslmode=bogus", "mysql://h/db?connection_limit=x",
            "postgresql://h/db?connection_limit=-5", "postgresql://h/db?pool_timeout=soon", "mysql://h/db?sslaccept=maybe",
            "postgresql://h/db?pgbouncer=yes", "jdbc:postgresql://h/db?connectTimeout=ten", "postgresql://h/db?=1",
            "postgresql://h/db?schema=%zz"})
    void aMalformedParameterIsAMalformedUrl(String url) {
        dev.godwit.engine.GodwitException e = assertThrows(dev.godwit.engine.GodwitException.class, () -> DatabaseUrl.parse(url));
        assertEquals(dev.godwit.engine.ErrorKind.USAGE, e.kind(), "exit 2, not a connection error");
        assertTrue(e.getMessage().startsWith("malformed database URL"), e.getMessage());
        if (url.contains("abc") || url.contains("bogus")) {
            assertTrue(e.getMessage().startsWith("malformed database URL parameter: "), e.getMessage());
        }
    }
}
