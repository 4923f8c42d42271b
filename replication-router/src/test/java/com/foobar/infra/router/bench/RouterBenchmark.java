package com.foobar.infra.router.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import javax.sql.DataSource;

import ch.qos.logback.classic.Level;
import com.zaxxer.hikari.HikariDataSource;

import com.foobar.infra.mariadb.DatabaseCredentials;
import com.foobar.infra.mariadb.MariaDbServer;
import com.foobar.infra.mariadb.ReplicatedCluster;
import com.foobar.infra.router.config.ReplicationRouterAutoConfiguration;
import com.foobar.infra.router.health.ReplicaHealthMonitor;
import org.slf4j.LoggerFactory;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Side-by-side benchmark of the replication router against real {@code mariadbd} processes (a primary and two
 * replicas started by {@link ReplicatedCluster}).
 *
 * <ol>
 * <li><b>Routing overhead.</b> The same read-only transaction (a primary-key {@code SELECT} in a read-only
 * {@link TransactionTemplate} over a {@link DataSourceTransactionManager}) from {@code bench.threads} threads,
 * through (A) the router over both replicas, (B) a plain {@link HikariDataSource} straight to replica 1 with the
 * same pool size, and (C) the router configured with replica 1 only. C against B is the cost of routing alone; A
 * against B also moves half of the reads to a second replica on the same machine. The three are interleaved,
 * the order rotating from one repeat to the next, after a warm-up of each; the medians and their ratios are
 * printed at the end.</li>
 * <li><b>Replica lag.</b> {@code bench.writeThreads} threads insert rows through the router (so on the primary)
 * for {@code bench.writeSeconds}, while every {@code bench.sampleMillis} each replica's
 * {@code Seconds_Behind_Master} and its GTID distance to the primary (primary's {@code @@gtid_binlog_pos}
 * sequence number minus the replica's {@code @@gtid_slave_pos} one, domain 0) are sampled.</li>
 * </ol>
 *
 * <p>Run by {@code bench/router-benchmark.sh}; every setting is a system property ({@code -Dbench.threads=8} ...),
 * see {@link Settings}. The cluster's data lives in a temporary folder, deleted at the end; the servers are stopped
 * at the end, on failure and on Ctrl-C.
 */
public final class RouterBenchmark {

    private static final DatabaseCredentials CREDENTIALS = new DatabaseCredentials("foobar", "admin", "adminpw1",
            "app", "apppw1", "repl", "replpw1");

    private static final long START = System.nanoTime();

    private RouterBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        quietLogging();
        Settings settings = Settings.fromSystemProperties();
        log("settings: " + settings);
        log("machine: nproc=" + Runtime.getRuntime().availableProcessors() + ", java " + Runtime.version()
                + ", load average " + loadAverage());
        Path dir = Files.createTempDirectory("router-bench-");
        Resources resources = new Resources(dir, settings.keepDir());
        Thread hook = new Thread(resources::close, "router-bench-cleanup");
        Runtime.getRuntime().addShutdownHook(hook);
        int status = 0;
        try {
            run(settings, resources);
        }
        catch (Throwable ex) {
            status = 1;
            System.out.flush();
            System.err.println("benchmark failed: " + ex);
            ex.printStackTrace();
        }
        finally {
            resources.close();
            Runtime.getRuntime().removeShutdownHook(hook);
        }
        log("load average at the end " + loadAverage());
        System.exit(status);
    }

    private static void run(Settings settings, Resources resources) throws Exception {
        log("starting the cluster (primary + 2 replicas) on ports " + settings.basePort() + ".."
                + (settings.basePort() + 2) + " in " + resources.dir);
        ReplicatedCluster cluster = ReplicatedCluster.start(settings.binaries().toAbsolutePath(), resources.dir,
                settings.basePort(), 2, CREDENTIALS);
        resources.cluster = cluster;
        log("cluster replicating; " + serverSettings(cluster));
        MariaDbServer replica1 = cluster.replicas().get(0);
        MariaDbServer replica2 = cluster.replicas().get(1);

        ConfigurableApplicationContext routerAll = resources.add(router(cluster, settings, replica1, replica2));
        ConfigurableApplicationContext routerOne = resources.add(router(cluster, settings, replica1));
        HikariDataSource plain = resources.add(plainPool(cluster, settings, replica1, false));
        HikariDataSource plainLocal = resources.add(plainPool(cluster, settings, replica1, true));

        createTables(routerAll.getBean(DataSource.class), settings.rows());
        cluster.awaitCaughtUp();
        log("table bench_item has " + settings.rows() + " rows on every replica");

        List<Variant> variants = List.of(
                new Variant("A", "router, 2 replicas", routerAll.getBean(DataSource.class),
                        List.of(replica1, replica2), cluster),
                new Variant("B", "plain HikariCP to replica 1", plain, List.of(replica1), cluster),
                new Variant("C", "router, replica 1 only", routerOne.getBean(DataSource.class), List.of(replica1),
                        cluster),
                new Variant("D", "plain HikariCP to replica 1, read-only flag kept in the driver", plainLocal,
                        List.of(replica1), cluster));
        for (Variant variant : variants) {
            log(variant.key + " (" + variant.label + ") reads on ports " + variant.portsOfReads(20));
        }

        Map<String, List<RunResult>> results = new TreeMap<>();
        log("warm-up: " + settings.warmupSeconds() + " s each");
        for (Variant variant : variants) {
            log("warm-up " + runReads(variant, settings.threads(), settings.warmupSeconds(), settings.rows()));
        }
        for (int repeat = 1; repeat <= settings.repeats(); repeat++) {
            for (int i = 0; i < variants.size(); i++) {
                // Rotate the order (ABC, BCA, CAB, ...) so that no variant always runs first or last.
                Variant variant = variants.get((i + repeat - 1) % variants.size());
                RunResult result = runReads(variant, settings.threads(), settings.seconds(), settings.rows());
                results.computeIfAbsent(variant.key, (key) -> new ArrayList<>()).add(result);
                log("repeat " + repeat + "/" + settings.repeats() + " " + result);
            }
        }
        printReadSummary(variants, results, settings);

        LagResult lag = runWrites(cluster, routerAll, settings);
        printLagSummary(lag, settings);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Set-up

    private static ConfigurableApplicationContext router(ReplicatedCluster cluster, Settings settings,
            MariaDbServer... replicas) {
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
        List<String> properties = new ArrayList<>(List.of("foobar.datasource.username=" + CREDENTIALS.appUser(),
                "foobar.datasource.password=" + CREDENTIALS.appPassword(),
                "foobar.datasource.primary.name=db-primary",
                "foobar.datasource.primary.url=" + cluster.applicationUrl(cluster.primary()),
                "foobar.datasource.pool.maximum-pool-size=" + settings.pool()));
        for (int i = 0; i < replicas.length; i++) {
            properties.add("foobar.datasource.replicas[" + i + "].name=" + replicas[i].name());
            properties.add("foobar.datasource.replicas[" + i + "].url=" + cluster.applicationUrl(replicas[i]));
        }
        TestPropertyValues.of(properties).applyTo(context);
        context.register(ReplicationRouterAutoConfiguration.class);
        context.refresh();
        return context;
    }

    /**
     * What an application without the router would have: one HikariCP pool, defaults apart from its size. With
     * {@code localReadOnly}, the driver keeps {@code setReadOnly} to itself ({@code readOnlyPropagatesToServer=false})
     * instead of sending {@code SET SESSION TRANSACTION READ ONLY} / {@code READ WRITE} around every read-only
     * transaction: the server then sees the same statements as through the router, whose replica pools hand out
     * connections that are read-only already.
     */
    private static HikariDataSource plainPool(ReplicatedCluster cluster, Settings settings, MariaDbServer server,
            boolean localReadOnly) {
        HikariDataSource pool = new HikariDataSource();
        pool.setPoolName("plain-" + server.name() + (localReadOnly ? "-local-read-only" : ""));
        if (localReadOnly) {
            pool.addDataSourceProperty("readOnlyPropagatesToServer", "false");
        }
        pool.setJdbcUrl(cluster.applicationUrl(server));
        pool.setUsername(CREDENTIALS.appUser());
        pool.setPassword(CREDENTIALS.appPassword());
        pool.setMaximumPoolSize(settings.pool());
        return pool;
    }

    private static void createTables(DataSource router, int rows) {
        TransactionTemplate write = new TransactionTemplate(new DataSourceTransactionManager(router));
        JdbcTemplate jdbc = new JdbcTemplate(router);
        write.executeWithoutResult((status) -> {
            jdbc.execute("DROP TABLE IF EXISTS bench_item");
            jdbc.execute("CREATE TABLE bench_item (id INT PRIMARY KEY, name VARCHAR(64) NOT NULL,"
                    + " price DECIMAL(10,2) NOT NULL, stock INT NOT NULL)");
            List<Object[]> batch = new ArrayList<>();
            for (int id = 1; id <= rows; id++) {
                batch.add(new Object[] { id, "item-" + id, id % 997 + 0.99, id % 50 });
            }
            jdbc.batchUpdate("INSERT INTO bench_item (id, name, price, stock) VALUES (?, ?, ?, ?)", batch);
            jdbc.execute("DROP TABLE IF EXISTS bench_write");
            jdbc.execute("CREATE TABLE bench_write (id BIGINT AUTO_INCREMENT PRIMARY KEY, writer INT NOT NULL,"
                    + " payload VARCHAR(200) NOT NULL, created TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6))");
        });
    }

    private static String serverSettings(ReplicatedCluster cluster) throws SQLException {
        StringBuilder text = new StringBuilder();
        try (Connection primary = cluster.setup().adminConnection(cluster.primary().port());
                Connection replica = cluster.setup().adminConnection(cluster.replicas().get(0).port())) {
            text.append("version ").append(single(primary, "SELECT VERSION()"));
            text.append(", primary sync_binlog=").append(single(primary, "SELECT @@sync_binlog"));
            text.append(" innodb_flush_log_at_trx_commit=")
                .append(single(primary, "SELECT @@innodb_flush_log_at_trx_commit"));
            text.append(", replica slave_parallel_threads=")
                .append(single(replica, "SELECT @@slave_parallel_threads"));
            text.append(" innodb_flush_log_at_trx_commit=")
                .append(single(replica, "SELECT @@innodb_flush_log_at_trx_commit"));
        }
        return text.toString();
    }

    // ---------------------------------------------------------------------------------------------------------
    // (a) Routing overhead

    private static RunResult runReads(Variant variant, int threads, int seconds, int rows) throws Exception {
        TransactionTemplate readOnly = new TransactionTemplate(new DataSourceTransactionManager(variant.dataSource));
        readOnly.setReadOnly(true);
        JdbcTemplate jdbc = new JdbcTemplate(variant.dataSource);
        Counters before = variant.counters();
        LoadResult load = runLoad(threads, seconds, (thread) -> {
            int id = ThreadLocalRandom.current().nextInt(1, rows + 1);
            String name = readOnly.execute((status) -> jdbc
                .queryForObject("SELECT name FROM bench_item WHERE id = ?", String.class, id));
            if (name == null) {
                throw new IllegalStateException("no row " + id);
            }
        });
        Counters after = variant.counters();
        return new RunResult(variant.key, variant.label, load, after.minus(before));
    }

    private static void printReadSummary(List<Variant> variants, Map<String, List<RunResult>> results,
            Settings settings) {
        System.out.println();
        System.out.println("## Read-only transactions: " + settings.threads() + " threads, pool "
                + settings.pool() + " per node, " + settings.seconds() + " s per run, " + settings.repeats()
                + " interleaved repeats (order rotating), medians");
        System.out.println();
        System.out.println("| variant | tx/s | p50 µs | p99 µs | client CPU µs/tx | server CPU µs/tx "
                + "| statements/tx | errors | tx/s of each run |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        Map<String, String> kinds = new TreeMap<>();
        for (Variant variant : variants) {
            List<RunResult> runs = results.get(variant.key);
            System.out.printf(Locale.ROOT, "| %s: %s | %.0f | %.0f | %.0f | %.1f | %.1f | %.2f | %d | %s |%n",
                    variant.key, variant.label, median(runs, RunResult::tps), median(runs, RunResult::p50Micros),
                    median(runs, RunResult::p99Micros), median(runs, RunResult::clientCpuMicrosPerTx),
                    median(runs, RunResult::serverCpuMicrosPerTx), median(runs, RunResult::statementsPerTx),
                    runs.stream().mapToLong((run) -> run.load.errors).sum(),
                    String.join(" ", runs.stream().map((run) -> String.format(Locale.ROOT, "%.0f", run.tps()))
                        .toList()));
            kinds.put(variant.key, runs.get(runs.size() - 1).statementKinds());
        }
        System.out.println();
        kinds.forEach((key, text) -> System.out.println("statements per transaction on the server, " + key
                + " (last run): " + text));
        System.out.println();
        System.out.println("| ratio | tx/s | p50 | p99 | client CPU/tx | paired tx/s ratios (per repeat) |");
        System.out.println("| --- | --- | --- | --- | --- | --- |");
        printRatio("C/B (routing alone)", results.get("C"), results.get("B"));
        printRatio("A/B (router, 2 replicas)", results.get("A"), results.get("B"));
        printRatio("A/C", results.get("A"), results.get("C"));
        printRatio("C/D (routing code, same statements)", results.get("C"), results.get("D"));
        printRatio("D/B", results.get("D"), results.get("B"));
        System.out.println();
    }

    private static void printRatio(String label, List<RunResult> over, List<RunResult> under) {
        List<Double> paired = new ArrayList<>();
        for (int i = 0; i < Math.min(over.size(), under.size()); i++) {
            paired.add(over.get(i).tps() / under.get(i).tps());
        }
        System.out.printf(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | %.3f | median %.3f (%s) |%n", label,
                median(over, RunResult::tps) / median(under, RunResult::tps),
                median(over, RunResult::p50Micros) / median(under, RunResult::p50Micros),
                median(over, RunResult::p99Micros) / median(under, RunResult::p99Micros),
                median(over, RunResult::clientCpuMicrosPerTx) / median(under, RunResult::clientCpuMicrosPerTx),
                medianOf(paired), String.join(" ",
                        paired.stream().map((ratio) -> String.format(Locale.ROOT, "%.3f", ratio)).toList()));
    }

    // ---------------------------------------------------------------------------------------------------------
    // (b) Replica lag under writes

    private static LagResult runWrites(ReplicatedCluster cluster, ConfigurableApplicationContext router,
            Settings settings) throws Exception {
        DataSource dataSource = router.getBean(DataSource.class);
        ReplicaHealthMonitor monitor = router.getBean(ReplicaHealthMonitor.class);
        TransactionTemplate write = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        String payload = "x".repeat(150);
        List<MariaDbServer> replicas = cluster.replicas();
        List<LagSeries> series = replicas.stream().map((replica) -> new LagSeries(replica.name())).toList();
        List<Connection> connections = new ArrayList<>();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        try {
            connections.add(cluster.setup().adminConnection(cluster.primary().port()));
            for (MariaDbServer replica : replicas) {
                connections.add(cluster.setup().adminConnection(replica.port()));
            }
            long startSeq = gtidSeq(single(connections.get(0), "SELECT @@gtid_binlog_pos"));
            log("lag: " + settings.writeThreads() + " writer threads for " + settings.writeSeconds()
                    + " s, sampling every " + settings.sampleMillis() + " ms");
            AtomicBoolean failed = new AtomicBoolean();
            sampler.scheduleAtFixedRate(() -> {
                try {
                    long primarySeq = gtidSeq(single(connections.get(0), "SELECT @@gtid_binlog_pos"));
                    for (int i = 0; i < replicas.size(); i++) {
                        Connection connection = connections.get(i + 1);
                        Long behind = secondsBehind(connection);
                        long replicaSeq = gtidSeq(single(connection, "SELECT @@gtid_slave_pos"));
                        series.get(i).add(behind, Math.max(0, primarySeq - replicaSeq),
                                monitor.isEligible(replicas.get(i).name()));
                    }
                }
                catch (SQLException ex) {
                    if (failed.compareAndSet(false, true)) {
                        log("sampling failed: " + ex);
                    }
                }
            }, 0, settings.sampleMillis(), TimeUnit.MILLISECONDS);
            AtomicLong sequence = new AtomicLong();
            LoadResult load = runLoad(settings.writeThreads(), settings.writeSeconds(),
                    (thread) -> write.executeWithoutResult((status) -> jdbc.update(
                            "INSERT INTO bench_write (writer, payload) VALUES (?, ?)", thread,
                            payload + sequence.incrementAndGet())));
            sampler.shutdown();
            sampler.awaitTermination(10, TimeUnit.SECONDS);
            long endSeq = gtidSeq(single(connections.get(0), "SELECT @@gtid_binlog_pos"));
            log("writes done: " + load.describe() + "; " + (endSeq - startSeq) + " GTIDs written");
            List<Double> drain = drainSeconds(connections.subList(1, connections.size()), endSeq);
            log("replicas caught up after " + drain + " s");
            return new LagResult(load, series, drain, endSeq - startSeq);
        }
        finally {
            sampler.shutdownNow();
            for (Connection connection : connections) {
                connection.close();
            }
        }
    }

    /** Seconds from now until each replica has applied sequence number {@code seq}, polled together, at most 120 s. */
    private static List<Double> drainSeconds(List<Connection> replicas, long seq)
            throws SQLException, InterruptedException {
        long start = System.nanoTime();
        Double[] done = new Double[replicas.size()];
        Arrays.fill(done, Double.POSITIVE_INFINITY);
        int remaining = replicas.size();
        while (remaining > 0 && System.nanoTime() - start < TimeUnit.SECONDS.toNanos(120)) {
            for (int i = 0; i < replicas.size(); i++) {
                if (done[i].isInfinite() && gtidSeq(single(replicas.get(i), "SELECT @@gtid_slave_pos")) >= seq) {
                    done[i] = (System.nanoTime() - start) / 1e9;
                    remaining--;
                }
            }
            if (remaining > 0) {
                Thread.sleep(20);
            }
        }
        return List.of(done);
    }

    private static void printLagSummary(LagResult lag, Settings settings) {
        System.out.println();
        System.out.printf(Locale.ROOT, "## Replica lag: %d writer threads, %d s, one INSERT per transaction through"
                + " the router; %s, %d GTIDs; sampled every %d ms%n", settings.writeThreads(),
                settings.writeSeconds(), lag.load.describe(), lag.gtids, settings.sampleMillis());
        System.out.println();
        System.out.println("| replica | samples | Seconds_Behind_Master p50 / p99 / max (s) "
                + "| GTID distance p50 / p99 / max (transactions) | eligible for reads | caught up after writes stop |");
        System.out.println("| --- | --- | --- | --- | --- | --- |");
        for (int i = 0; i < lag.series.size(); i++) {
            LagSeries series = lag.series.get(i);
            long[] seconds = series.secondsBehind.stream().mapToLong(Long::longValue).sorted().toArray();
            long[] distance = series.distance.stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf(Locale.ROOT, "| %s | %d | %d / %d / %d%s | %d / %d / %d | %.0f %% of samples | %.2f s |%n",
                    series.name, distance.length, percentile(seconds, 0.50), percentile(seconds, 0.99),
                    percentile(seconds, 1.0),
                    series.nulls > 0 ? " (" + series.nulls + " samples NULL)" : "", percentile(distance, 0.50),
                    percentile(distance, 0.99), percentile(distance, 1.0),
                    100.0 * series.eligible / Math.max(1, distance.length), lag.drainSeconds.get(i));
        }
        System.out.println();
    }

    private static Long secondsBehind(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SHOW SLAVE STATUS")) {
            if (!rows.next()) {
                return null;
            }
            long value = rows.getLong("Seconds_Behind_Master");
            return rows.wasNull() ? null : value;
        }
    }

    /** The sequence number of domain 0 in a GTID position such as {@code 0-1-1234}; 0 when there is none. */
    static long gtidSeq(String position) {
        if (position == null || position.isBlank()) {
            return 0;
        }
        for (String gtid : position.split(",")) {
            String[] parts = gtid.trim().split("-");
            if (parts.length == 3 && parts[0].equals("0")) {
                return Long.parseLong(parts[2]);
            }
        }
        return 0;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Load and figures

    @FunctionalInterface
    interface Work {

        void run(int thread) throws Exception;

    }

    /** Runs {@code work} in a loop on {@code threads} threads for {@code seconds}, timing each call. */
    private static LoadResult runLoad(int threads, int seconds, Work work) throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch ready = new CountDownLatch(threads);
            CountDownLatch go = new CountDownLatch(1);
            long[] deadline = new long[1];
            List<Future<LatencyLog>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(executor.submit(() -> {
                    LatencyLog latencies = new LatencyLog();
                    ready.countDown();
                    go.await();
                    long end = deadline[0];
                    long now = System.nanoTime();
                    while (now < end) {
                        try {
                            work.run(thread);
                            long done = System.nanoTime();
                            latencies.add(done - now);
                            now = done;
                        }
                        catch (Exception ex) {
                            latencies.errors++;
                            if (latencies.errors == 1) {
                                log("error on thread " + thread + ": " + ex);
                            }
                            now = System.nanoTime();
                        }
                    }
                    return latencies;
                }));
            }
            ready.await();
            long start = System.nanoTime();
            deadline[0] = start + TimeUnit.SECONDS.toNanos(seconds);
            go.countDown();
            List<LatencyLog> logs = new ArrayList<>();
            for (Future<LatencyLog> future : futures) {
                logs.add(future.get());
            }
            long elapsed = System.nanoTime() - start;
            return LoadResult.of(logs, elapsed);
        }
        finally {
            executor.shutdownNow();
        }
    }

    /** A growable array of latencies in nanoseconds, one per thread. */
    static final class LatencyLog {

        long[] values = new long[1 << 16];

        int size;

        long errors;

        void add(long nanos) {
            if (this.size == this.values.length) {
                this.values = Arrays.copyOf(this.values, this.values.length * 2);
            }
            this.values[this.size++] = nanos;
        }

    }

    record LoadResult(long count, long errors, double seconds, long p50Nanos, long p99Nanos, long maxNanos) {

        static LoadResult of(List<LatencyLog> logs, long elapsedNanos) {
            int total = logs.stream().mapToInt((log) -> log.size).sum();
            long[] all = new long[total];
            int offset = 0;
            for (LatencyLog log : logs) {
                System.arraycopy(log.values, 0, all, offset, log.size);
                offset += log.size;
            }
            Arrays.sort(all);
            return new LoadResult(total, logs.stream().mapToLong((log) -> log.errors).sum(), elapsedNanos / 1e9,
                    percentile(all, 0.50), percentile(all, 0.99), percentile(all, 1.0));
        }

        double perSecond() {
            return this.count / this.seconds;
        }

        String describe() {
            return String.format(Locale.ROOT, "%.0f tx/s (%d in %.1f s), p50 %.0f µs, p99 %.0f µs, max %.1f ms,"
                    + " %d errors", perSecond(), this.count, this.seconds, this.p50Nanos / 1e3, this.p99Nanos / 1e3,
                    this.maxNanos / 1e6, this.errors);
        }

    }

    /** CPU time of this JVM and of the servers a variant reads from, and their statement counts. */
    record Counters(long clientCpuNanos, long serverCpuNanos, long statements, long selects, long sets,
            long commits) {

        Counters minus(Counters other) {
            return new Counters(this.clientCpuNanos - other.clientCpuNanos,
                    this.serverCpuNanos - other.serverCpuNanos, this.statements - other.statements,
                    this.selects - other.selects, this.sets - other.sets, this.commits - other.commits);
        }

    }

    record RunResult(String key, String label, LoadResult load, Counters used) {

        double tps() {
            return this.load.perSecond();
        }

        double p50Micros() {
            return this.load.p50Nanos / 1e3;
        }

        double p99Micros() {
            return this.load.p99Nanos / 1e3;
        }

        double clientCpuMicrosPerTx() {
            return this.used.clientCpuNanos / 1e3 / Math.max(1, this.load.count);
        }

        double serverCpuMicrosPerTx() {
            return this.used.serverCpuNanos / 1e3 / Math.max(1, this.load.count);
        }

        double statementsPerTx() {
            return (double) this.used.statements / Math.max(1, this.load.count);
        }

        /** Statements per transaction by kind: SELECT, SET, COMMIT. */
        String statementKinds() {
            double count = Math.max(1, this.load.count);
            return String.format(Locale.ROOT, "%.2f SELECT + %.2f SET + %.2f COMMIT", this.used.selects / count,
                    this.used.sets / count, this.used.commits / count);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT,
                    "%s (%s): %s; CPU/tx client %.1f µs, server %.1f µs; %.2f statements/tx (%s)", this.key,
                    this.label, this.load.describe(), clientCpuMicrosPerTx(), serverCpuMicrosPerTx(),
                    statementsPerTx(), statementKinds());
        }

    }

    static final class Variant {

        final String key;

        final String label;

        final DataSource dataSource;

        final List<MariaDbServer> servers;

        final ReplicatedCluster cluster;

        Variant(String key, String label, DataSource dataSource, List<MariaDbServer> servers,
                ReplicatedCluster cluster) {
            this.key = key;
            this.label = label;
            this.dataSource = dataSource;
            this.servers = servers;
            this.cluster = cluster;
        }

        Map<Integer, Integer> portsOfReads(int reads) {
            TransactionTemplate readOnly = new TransactionTemplate(new DataSourceTransactionManager(this.dataSource));
            readOnly.setReadOnly(true);
            JdbcTemplate jdbc = new JdbcTemplate(this.dataSource);
            Map<Integer, Integer> ports = new TreeMap<>();
            for (int i = 0; i < reads; i++) {
                Integer port = readOnly.execute((status) -> jdbc.queryForObject("SELECT @@port", Integer.class));
                ports.merge(port, 1, Integer::sum);
            }
            return ports;
        }

        Counters counters() throws SQLException {
            long serverCpu = 0;
            long statements = 0;
            long selects = 0;
            long sets = 0;
            long commits = 0;
            for (MariaDbServer server : this.servers) {
                serverCpu += cpuNanos(this.cluster.process(server).pid());
                try (Connection connection = this.cluster.setup().adminConnection(server.port());
                        Statement statement = connection.createStatement();
                        ResultSet rows = statement.executeQuery("SHOW GLOBAL STATUS WHERE Variable_name IN"
                                + " ('Questions', 'Com_select', 'Com_set_option', 'Com_commit')")) {
                    while (rows.next()) {
                        switch (rows.getString(1).toLowerCase(Locale.ROOT)) {
                            case "questions" -> statements += rows.getLong(2);
                            case "com_select" -> selects += rows.getLong(2);
                            case "com_set_option" -> sets += rows.getLong(2);
                            case "com_commit" -> commits += rows.getLong(2);
                            default -> {
                            }
                        }
                    }
                }
            }
            return new Counters(processCpuNanos(), serverCpu, statements, selects, sets, commits);
        }

    }

    static final class LagSeries {

        final String name;

        final List<Long> secondsBehind = new ArrayList<>();

        final List<Long> distance = new ArrayList<>();

        int nulls;

        int eligible;

        LagSeries(String name) {
            this.name = name;
        }

        void add(Long behind, long gtidDistance, boolean isEligible) {
            if (behind == null) {
                this.nulls++;
            }
            else {
                this.secondsBehind.add(behind);
            }
            this.distance.add(gtidDistance);
            if (isEligible) {
                this.eligible++;
            }
        }

    }

    record LagResult(LoadResult load, List<LagSeries> series, List<Double> drainSeconds, long gtids) {
    }

    /** The settings, from system properties {@code bench.*}. */
    record Settings(int threads, int pool, int seconds, int warmupSeconds, int repeats, int rows, int writeThreads,
            int writeSeconds, int sampleMillis, int basePort, Path binaries, boolean keepDir) {

        static Settings fromSystemProperties() {
            int threads = Integer.getInteger("bench.threads", 8);
            return new Settings(threads, Integer.getInteger("bench.pool", threads),
                    Integer.getInteger("bench.seconds", 10), Integer.getInteger("bench.warmupSeconds", 10),
                    Integer.getInteger("bench.repeats", 5), Integer.getInteger("bench.rows", 1000),
                    Integer.getInteger("bench.writeThreads", 4), Integer.getInteger("bench.writeSeconds", 30),
                    Integer.getInteger("bench.sampleMillis", 100), Integer.getInteger("bench.basePort", 25306),
                    Path.of(System.getProperty("bench.binaries", ".foobar")),
                    Boolean.getBoolean("bench.keepDir"));
        }

    }

    /** Everything to close at the end, in reverse order of creation, once, also from the shutdown hook. */
    static final class Resources {

        final Path dir;

        final boolean keepDir;

        final List<AutoCloseable> closeables = new ArrayList<>();

        volatile ReplicatedCluster cluster;

        private final AtomicBoolean closed = new AtomicBoolean();

        Resources(Path dir, boolean keepDir) {
            this.dir = dir;
            this.keepDir = keepDir;
        }

        synchronized <T extends AutoCloseable> T add(T closeable) {
            this.closeables.add(closeable);
            return closeable;
        }

        void close() {
            if (!this.closed.compareAndSet(false, true)) {
                return;
            }
            List<AutoCloseable> toClose;
            synchronized (this) {
                toClose = new ArrayList<>(this.closeables);
            }
            for (int i = toClose.size() - 1; i >= 0; i--) {
                try {
                    toClose.get(i).close();
                }
                catch (Exception ex) {
                    System.err.println("closing " + toClose.get(i) + " failed: " + ex);
                }
            }
            if (this.cluster != null) {
                log("stopping the cluster");
                this.cluster.close();
            }
            else {
                // Start-up failed: ReplicatedCluster.start closes what it started before it throws.
            }
            if (this.keepDir) {
                log("kept " + this.dir);
                return;
            }
            try (Stream<Path> paths = Files.walk(this.dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
            }
            catch (IOException ex) {
                System.err.println("could not delete " + this.dir + ": " + ex);
            }
        }

    }

    // ---------------------------------------------------------------------------------------------------------
    // Helpers

    static long percentile(long[] sorted, double fraction) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(fraction * sorted.length);
        return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
    }

    private static double median(List<RunResult> runs, java.util.function.ToDoubleFunction<RunResult> figure) {
        return medianOf(runs.stream().map(figure::applyAsDouble).toList());
    }

    private static double medianOf(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int middle = sorted.length / 2;
        return (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static String single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
            .getProcessCpuTime();
    }

    /** User + system CPU time of a process, from {@code /proc/PID/stat} (clock ticks of 10 ms). */
    private static long cpuNanos(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            // The command name (field 2) may hold spaces; the fields after its closing parenthesis do not.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return ticks * 10_000_000L;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        }
        catch (IOException ex) {
            return "unknown";
        }
    }

    private static void quietLogging() {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
            .setLevel(Level.WARN);
    }

    static void log(String message) {
        System.out.printf(Locale.ROOT, "[%6.1f s] %s%n", (System.nanoTime() - START) / 1e9, message);
        System.out.flush();
    }

}
