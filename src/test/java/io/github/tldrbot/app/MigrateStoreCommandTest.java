package io.github.tldrbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tldrbot.store.FeedStore;
import io.github.tldrbot.store.RecapBenchData;
import io.github.tldrbot.store.StoreCopyFixture;
import io.github.tldrbot.store.TestDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code migrate-store} on the command line: output, exit codes, one-line errors, no password anywhere. */
class MigrateStoreCommandTest {
    static final String SECRET = "s3cret-pw-do-not-print";

    @TempDir
    Path dir;
    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();
    private TestDatabase sqlite;
    private TestDatabase postgres;

    @BeforeEach
    void fill() {
        sqlite = TestDatabase.sqlite();
        new StoreCopyFixture(sqlite.database()).fill(12);
    }

    @AfterEach
    void close() {
        sqlite.close();
        if (postgres != null) {
            postgres.close();
        }
    }

    private int run(Map<String, String> env, String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), env, args);
    }

    /** The test server's password when it has one (an external server), else one it ignores (trust). */
    private Map<String, String> passwordEnv(String name) {
        String password = postgres.storage().password();
        return Map.of(name, password.isEmpty() ? SECRET : password);
    }

    private String both() {
        return out + "\n" + err;
    }

    @Test
    void copiesTheStorePrintsEveryTableAndRefusesASecondRun() {
        postgres = TestDatabase.postgres(false);
        String[] args = {"migrate-store", "--from", sqlite.storage().jdbcUrl(), "--to", postgres.storage().jdbcUrl(),
                "--to-username", postgres.storage().username(), "--to-password-env", "PG_PW"};

        int code = run(passwordEnv("PG_PW"), args);

        assertThat(code).as(both()).isZero();
        assertThat(err.toString()).isEmpty();
        assertThat(out.toString())
                .containsPattern("(?m)^  feeds +2 rows$")
                .containsPattern("(?m)^  articles +16 rows$")
                .containsPattern("(?m)^  story_posts +" + RecapBenchData.rows(sqlite.database(), "story_posts") + " rows$")
                .containsPattern("verified: \\d+ tables, \\d+ rows, the same counts on both sides")
                .containsPattern("(?m)^  shard_leases +1 rows$")
                .contains("sequences: ").contains("feeds.id next 4")
                .contains("set storage.jdbcUrl to " + postgres.storage().jdbcUrl())
                .doesNotContain("articles_fts").doesNotContain("flyway_schema_history")
                .doesNotContain(SECRET);
        assertThat(new FeedStore(postgres.database()).listAll()).hasSize(2);

        code = run(passwordEnv("PG_PW"), args);

        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(out.toString()).doesNotContain("rows").doesNotContain("verified");
        assertThat(err.toString()).startsWith("error: the target already holds data (in ").hasLineCount(1).doesNotContain(SECRET);
    }

    @Test
    void aPasswordOnTheCommandLineIsRefusedAndNeverRepeated() {
        int code = run(Map.of(), "migrate-store", "--from", sqlite.storage().jdbcUrl(),
                "--to", "jdbc:postgresql://db.example:5432/tldrbot?user=bot&password=" + SECRET);

        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).hasLineCount(1)
                .startsWith("error: --to: the URL carries a password (jdbc:postgresql://db.example:5432/tldrbot?user=bot&password=****)")
                .contains("TLDR_DB_PASSWORD");
        assertThat(both()).doesNotContain(SECRET);
    }

    @Test
    void urlsOfTheWrongKindAreUsageErrorsFoundBeforeConnectingAnywhere() {
        int code = run(Map.of(), "migrate-store", "--from", sqlite.storage().jdbcUrl(), "--to", "jdbc:sqlite:" + dir.resolve("x.db"));
        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).hasLineCount(1).startsWith("error: --to: 'jdbc:sqlite:").contains("is not a PostgreSQL database");
        assertThat(dir.resolve("x.db")).doesNotExist();

        // the target named here does not exist: the source is refused before anything connects to it
        String nowhere = "jdbc:postgresql://127.0.0.1:1/tldrbot";
        code = run(Map.of(), "migrate-store", "--from", "jdbc:postgresql://localhost/old", "--to", nowhere);
        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).hasLineCount(1).startsWith("error: --from: 'jdbc:postgresql://localhost/old' is not a SQLite database");

        code = run(Map.of(), "migrate-store", "--from", "jdbc:sqlite:" + dir.resolve("missing.db"), "--to", nowhere);
        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).hasLineCount(1).startsWith("error: --from: no such file ");
        assertThat(dir.resolve("missing.db")).doesNotExist();

        code = run(Map.of(), "migrate-store", "--from", sqlite.storage().jdbcUrl());
        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).hasLineCount(1).startsWith("error: Missing required option: '--to=PG_URL'");
    }

    @Test
    void anUnreachableTargetIsOneLineWithoutStackTraceOrPassword() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        int code = run(Map.of(MigrateStoreCommand.DEFAULT_PASSWORD_ENV, SECRET), "migrate-store", "--from", sqlite.storage().jdbcUrl(),
                "--to", "jdbc:postgresql://127.0.0.1:" + port + "/tldrbot", "--to-username", "bot");

        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).hasLineCount(1)
                .startsWith("error: --to: cannot open jdbc:postgresql://127.0.0.1:" + port + "/tldrbot as 'bot': ")
                .contains("check that PostgreSQL runs there");
        assertThat(both()).doesNotContain(SECRET).doesNotContain("\tat ");
    }

    @Test
    void aBotStillWritingToTheFileIsRefusedAndTheTargetStaysEmpty() throws Exception {
        postgres = TestDatabase.postgres(false);
        try (Connection bot = DriverManager.getConnection(sqlite.storage().jdbcUrl());
             Statement write = bot.createStatement()) {
            write.execute("BEGIN IMMEDIATE");
            write.execute("UPDATE feeds SET title = 'being written' WHERE id = 1");

            int code = run(passwordEnv(MigrateStoreCommand.DEFAULT_PASSWORD_ENV), "migrate-store", "--from", sqlite.storage().jdbcUrl(),
                    "--to", postgres.storage().jdbcUrl(), "--to-username", postgres.storage().username());

            assertThat(code).as(err.toString()).isEqualTo(ExitCodes.USAGE);
            assertThat(err.toString()).hasLineCount(1).startsWith("error: --from: ")
                    .contains("is locked by another process (is the bot still running on it?)");
            write.execute("ROLLBACK");
        }
        assertThat(RecapBenchData.rows(postgres.database(), "feeds")).isZero();
        assertThat(RecapBenchData.rows(postgres.database(), "articles")).isZero();
    }

    @Test
    void theCommandIsListedInTheHelp() {
        assertThat(run(Map.of(), "--help")).isZero();
        assertThat(out.toString()).contains("migrate-store");
        assertThat(run(Map.of(), "migrate-store", "--help")).isZero();
        assertThat(out.toString()).contains("--from=SQLITE_URL").contains("--to=PG_URL").contains("--to-password-env=NAME")
                .contains("TLDR_DB_PASSWORD");
    }
}
