package com.foobar.infra.router;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import com.foobar.infra.mariadb.MariaDbServer;
import com.foobar.infra.mariadb.ReplicatedCluster;
import com.foobar.infra.router.consistency.GtidPosition;
import com.foobar.infra.router.consistency.ReadYourWritesContext;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.EnableTransactionManagement;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Read-your-writes on real replication, with the replica's SQL thread stopped so that it really lags: a read
 * right after a write sees the write, on the replica once it catches up or on the primary when it does not in
 * time, also in a later unit of work that only has the position (another application server, with the cookie).
 */
class ReadYourWritesReplicationTests {

    @TempDir
    static Path dir;

    static ReplicatedCluster cluster;

    AnnotationConfigApplicationContext context;

    Notes notes;

    ReadYourWritesContext unitOfWork;

    final List<GtidPosition> positionsSent = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startCluster() throws SQLException {
        cluster = RouterTestSupport.startCluster(dir, 24_706, 1);
        admin(cluster.primary(), "CREATE TABLE foobar.note (id INT AUTO_INCREMENT PRIMARY KEY, text VARCHAR(100))");
        cluster.awaitCaughtUp();
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    @BeforeEach
    void startRouter() throws SQLException {
        // Checked once at start only: the replica must stay in rotation while it lags.
        this.context = RouterTestSupport.router(cluster, List.of(NotesConfiguration.class),
                "foobar.datasource.health.interval=1h", "foobar.datasource.read-your-writes.timeout=1s");
        this.notes = this.context.getBean(Notes.class);
        this.unitOfWork = this.context.getBean(ReadYourWritesContext.class);
        admin(replica(), "STOP SLAVE SQL_THREAD");
    }

    @AfterEach
    void stopRouter() throws SQLException {
        admin(replica(), "START SLAVE SQL_THREAD");
        this.context.close();
    }

    @Test
    void shouldReadStaleDataFromALaggingReplicaWithoutTracking() {
        long id = this.notes.add("untracked");
        assertThat(this.notes.find(id)).isNull();
    }

    @Test
    void shouldWaitForTheReplicaToApplyTheWrite() throws Exception {
        this.unitOfWork.begin(null, this.positionsSent::add);
        try {
            long id = this.notes.add("waited for");
            Thread.ofVirtual().start(() -> {
                sleep(300);
                admin(replica(), "START SLAVE SQL_THREAD");
            });
            assertThat(this.notes.find(id)).isEqualTo("waited for @" + replica().port());
            assertThat(this.positionsSent).hasSize(1);
        }
        finally {
            this.unitOfWork.end();
        }
    }

    @Test
    void shouldReadOnThePrimaryWhenTheReplicaDoesNotCatchUpInTime() {
        this.unitOfWork.begin(null, this.positionsSent::add);
        try {
            long id = this.notes.add("from the primary");
            assertThat(this.notes.find(id)).isEqualTo("from the primary @" + cluster.primary().port());
        }
        finally {
            this.unitOfWork.end();
        }
    }

    @Test
    void shouldCarryThePositionToALaterRequest() {
        this.unitOfWork.begin(null, this.positionsSent::add);
        long id;
        try {
            id = this.notes.add("carried");
        }
        finally {
            this.unitOfWork.end();
        }
        assertThat(this.positionsSent).hasSize(1);
        this.unitOfWork.begin(this.positionsSent.getFirst(), (position) -> {
        });
        try {
            assertThat(this.notes.find(id)).startsWith("carried @");
        }
        finally {
            this.unitOfWork.end();
        }
    }

    private static MariaDbServer replica() {
        return cluster.replicas().getFirst();
    }

    private static void admin(MariaDbServer server, String sql) {
        try (Connection connection = cluster.setup().adminConnection(server.port());
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
        catch (SQLException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableTransactionManagement
    static class NotesConfiguration {

        @Bean
        PlatformTransactionManager transactionManager(DataSource dataSource) {
            return new DataSourceTransactionManager(dataSource);
        }

        @Bean
        Notes notes(DataSource dataSource) {
            return new Notes(new JdbcTemplate(dataSource));
        }

    }

    /** Writes notes, and reads one back with the port of the server that answered. */
    static class Notes {

        private final JdbcTemplate jdbc;

        Notes(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        @Transactional
        public long add(String text) {
            GeneratedKeyHolder key = new GeneratedKeyHolder();
            this.jdbc.update((connection) -> {
                var insert = connection.prepareStatement("INSERT INTO note (text) VALUES (?)",
                        Statement.RETURN_GENERATED_KEYS);
                insert.setString(1, text);
                return insert;
            }, key);
            return key.getKey().longValue();
        }

        @Transactional(readOnly = true)
        public @Nullable String find(long id) {
            List<String> found = this.jdbc.queryForList("SELECT CONCAT(text, ' @', @@port) FROM note WHERE id = ?",
                    String.class, id);
            return found.isEmpty() ? null : found.getFirst();
        }

    }

}
