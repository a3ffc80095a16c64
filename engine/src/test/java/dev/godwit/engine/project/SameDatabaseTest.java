package dev.godwit.engine.project;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The spellings of one database that must all count as that database, and the near misses that must not. */
class SameDatabaseTest {
    private static final DatabaseUrl PG = DatabaseUrl.parse("postgresql://app:secret@localhost:5432/shop?schema=public");
    private static final DatabaseUrl MY = DatabaseUrl.parse("mysql://app:secret@localhost:3306/shop");

    @ParameterizedTest
    @ValueSource(strings = {
            "postgresql://app:secret@localhost:5432/shop?schema=public",
            "postgresql://localhost/shop",
            "postgres://other:pw@LOCALHOST/shop",
            "postgresql://127.0.0.1:5432/shop",
            "postgresql://127.0.0.2/shop",
            "postgresql://[::1]:5432/shop",
            "postgresql://[0:0:0:0:0:0:0:1]/shop",
            "postgresql://localhost./shop",
            "postgresql://localhost:5432/%73hop",
            "postgresql://localhost:5432/SHOP",
            "postgresql://localhost/shop?schema=Public",
            "postgresql://localhost/shop?currentSchema=public",
            "postgresql://localhost/shop?sslmode=disable&connection_limit=3&application_name=x",
            "postgresql://localhost/shop?schema=public&schema=public",
            "postgresql://u@/shop?host=/var/run/postgresql",
            "postgresql://u@somewhere/shop?host=/tmp",
            "postgresql://localhost/?dbname=shop",
            "postgresql://shop@localhost/",
            "jdbc:postgresql://localhost:5432/shop?user=app&password=secret",
            "jdbc:postgresql://127.0.0.1/shop?currentSchema=public",
            "jdbc:postgresql:shop",
            "jdbc:postgresql://localhost/shop?socketFactory=org.newsclub.net.unix.AFUNIXSocketFactory$FactoryArg",
    })
    void spellingsOfTheSamePostgresDatabase(String url) {
        assertTrue(SameDatabase.same(PG, DatabaseUrl.parse(url)), url);
        assertTrue(SameDatabase.same(DatabaseUrl.parse(url), PG), url + " (the other way round)");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "postgresql://localhost:5433/shop",
            "postgresql://localhost/shop2",
            "postgresql://localhost/shop?schema=other",
            "postgresql://db.example.invalid/shop",
            "postgresql://app@localhost/",
            "mysql://localhost:5432/shop",
    })
    void otherDatabasesAreOther(String url) {
        assertFalse(SameDatabase.same(PG, DatabaseUrl.parse(url)), url);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "mysql://root@127.0.0.1/shop",
            "mariadb://root@LocalHost:3306/Shop",
            "mysql://x@localhost/shop?socket=/run/mysqld/mysqld.sock",
            "mysql://x@localhost:3307/shop?socket=/run/mysqld/mysqld.sock",
            "jdbc:mysql://[::1]:3306/shop?user=root&useSSL=false",
            "jdbc:mariadb://localhost/shop?localSocket=/run/mysqld/mysqld.sock",
            "mysql://root@localhost/sh%6Fp?connection_limit=1",
    })
    void spellingsOfTheSameMysqlDatabase(String url) {
        assertTrue(SameDatabase.same(MY, DatabaseUrl.parse(url)), url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mysql://localhost:3307/shop", "mysql://localhost/shop_dev", "mysql://10.255.255.1/shop"})
    void otherMysqlDatabasesAreOther(String url) {
        assertFalse(SameDatabase.same(MY, DatabaseUrl.parse(url)), url);
    }

    @org.junit.jupiter.api.Test
    void theMachinesOwnNameIsLocal() throws Exception {
        String own = InetAddress.getLocalHost().getHostName();
        assertTrue(SameDatabase.same(PG, DatabaseUrl.parse("postgresql://" + own.toUpperCase() + ":5432/shop")), own);
        assertTrue(SameDatabase.sameHost("DB.Example.COM", "db.example.com."));
    }
}
