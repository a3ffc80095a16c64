package dev.godwit.shell;

import dev.godwit.shell.session.Prompter;

import dev.godwit.engine.migrate.MigrationsFolder;
import dev.godwit.engine.Provider;
import dev.godwit.engine.testing.MigrationsDir;
import dev.godwit.engine.testing.TestDatabase;

import java.nio.file.Path;

/** A godwit project folder for CLI tests, pointed at a test database through godwit.toml. */
public final class TestProject {
    private final Path root;
    private final MigrationsDir migrations;
    private final TestDatabase db;

    public TestProject(Path root, TestDatabase db) {
        this(root, db, db.url());
    }

    public TestProject(Path root, TestDatabase db, String url) {
        this.root = root;
        this.db = db;
        Provider provider = db.provider();
        MigrationsDir.write(root.resolve("godwit.toml"), "[project]\nmigrations = \"prisma/migrations\"\n\n[env.dev]\nurl = \"" + url + "\"\n");
        MigrationsDir.write(root.resolve("prisma/schema.prisma"), "datasource db {\n  provider = \"" + provider.prismaName() + "\"\n}\n");
        this.migrations = new MigrationsDir(root.resolve("prisma/migrations"), provider);
    }

    public Path root() {
        return root;
    }

    public String q(String ident) {
        return db.kind() == TestDatabase.Kind.POSTGRESQL ? "\"" + ident + "\"" : "`" + ident + "`";
    }

    public TestProject add(String name, String sql) {
        migrations.add(name, sql);
        return this;
    }

    public Path migrationFile(String name) {
        return root.resolve("prisma/migrations").resolve(name).resolve(MigrationsFolder.SCRIPT_FILE);
    }

    /** The usual three: two tables and an index. */
    public TestProject blog() {
        return add("20240101000000_init", "CREATE TABLE " + q("User") + " (id INTEGER PRIMARY KEY, email VARCHAR(100) NOT NULL);\n")
                .add("20240102000000_post", "CREATE TABLE " + q("Post") + " (id INTEGER PRIMARY KEY, title VARCHAR(100));\n")
                .add("20240103000000_index", "CREATE INDEX " + q("Post_title_idx") + " ON " + q("Post") + " (title);\n");
    }

    public GodwitRun run(String... args) {
        return GodwitRun.inProcess(withProject(args));
    }

    /** As a user at a terminal who answers godwit's questions from {@code user}. */
    public GodwitRun runAnswering(Prompter user, String... args) {
        return GodwitRun.answering(user, java.util.Map.of(), withProject(args));
    }

    private String[] withProject(String... args) {
        String[] full = new String[args.length + 2];
        full[0] = "--project";
        full[1] = root.toString();
        System.arraycopy(args, 0, full, 2, args.length);
        return full;
    }
}
