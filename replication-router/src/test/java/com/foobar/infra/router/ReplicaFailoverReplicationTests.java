package com.foobar.infra.router;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import com.foobar.infra.mariadb.MariaDbServer;
import com.foobar.infra.mariadb.ReplicatedCluster;
import com.foobar.infra.router.health.ReplicaHealthMonitor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.EnableTransactionManagement;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A replica killed with SIGKILL in the middle of a read load: the reads in flight on it are retried on another
 * node and the replica leaves the rotation, so no read fails.
 */
class ReplicaFailoverReplicationTests {

    @TempDir
    static Path dir;

    static ReplicatedCluster cluster;

    @BeforeAll
    static void startCluster() {
        cluster = RouterTestSupport.startCluster(dir, 24_606, 2);
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    @Test
    void shouldLoseNoReadWhenAReplicaIsKilledUnderLoad() throws Exception {
        MariaDbServer victim = cluster.replicas().get(0);
        try (AnnotationConfigApplicationContext context = RouterTestSupport.router(cluster,
                List.of(ReaderConfiguration.class), "foobar.datasource.health.interval=200ms")) {
            PortReader reader = context.getBean(PortReader.class);
            AtomicInteger failures = new AtomicInteger();
            Map<Integer, Integer> afterKill = new ConcurrentHashMap<>();
            Instant killAt = Instant.now().plusSeconds(1);
            Instant end = killAt.plusSeconds(3);
            try (ExecutorService load = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int client = 0; client < 8; client++) {
                    load.submit(() -> {
                        while (Instant.now().isBefore(end)) {
                            try {
                                int port = reader.slowPort();
                                if (Instant.now().isAfter(killAt.plusMillis(500))) {
                                    afterKill.merge(port, 1, Integer::sum);
                                }
                            }
                            catch (RuntimeException ex) {
                                failures.incrementAndGet();
                            }
                        }
                    });
                }
                Thread.sleep(Duration.between(Instant.now(), killAt));
                cluster.process(victim).destroyForcibly();
            }
            assertThat(failures).hasValue(0);
            assertThat(afterKill).doesNotContainKey(victim.port()).containsKey(cluster.replicas().get(1).port());
            assertThat(context.getBean(ReplicaHealthMonitor.class).isEligible(victim.name())).isFalse();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableTransactionManagement
    static class ReaderConfiguration {

        @Bean
        PlatformTransactionManager transactionManager(DataSource dataSource) {
            return new DataSourceTransactionManager(dataSource);
        }

        @Bean
        PortReader portReader(DataSource dataSource) {
            return new PortReader(new JdbcTemplate(dataSource));
        }

    }

    /** A read that takes 20 ms, so that a kill lands on queries in flight. */
    static class PortReader {

        private final JdbcTemplate jdbc;

        PortReader(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        @Transactional(readOnly = true)
        public int slowPort() {
            return this.jdbc.queryForObject("SELECT @@port FROM (SELECT SLEEP(0.02)) AS pause", Integer.class);
        }

    }

}
