package com.foobar.infra.router.consistency;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReadYourWritesBarrierTests {

    private final ReadYourWritesContext context = new ReadYourWritesContext();

    private final List<String> waits = new CopyOnWriteArrayList<>();

    private final ReadYourWritesBarrier barrier = new ReadYourWritesBarrier(this.context, Duration.ofMillis(500),
            List.of((replicaName, outcome) -> this.waits.add(replicaName + " " + outcome)));

    @AfterEach
    void endUnitOfWork() {
        this.context.end();
    }

    @Test
    void shouldTellTheListenersThatTheReplicaReachedThePosition() {
        this.context.begin(new GtidPosition("0-1-42"), (position) -> {
        });

        assertThat(this.barrier.isCaughtUp("db-replica-1", mariaDbAnswering(0))).isTrue();
        assertThat(this.waits).containsExactly("db-replica-1 REACHED");
    }

    @Test
    void shouldTellTheListenersThatTheWaitTimedOut() {
        this.context.begin(new GtidPosition("0-1-42"), (position) -> {
        });

        assertThat(this.barrier.isCaughtUp("db-replica-2", mariaDbAnswering(-1))).isFalse();
        assertThat(this.waits).containsExactly("db-replica-2 TIMED_OUT");
    }

    @Test
    void shouldTellTheListenersThatTheWaitFailed() {
        this.context.begin(new GtidPosition("0-1-42"), (position) -> {
        });

        assertThat(this.barrier.isCaughtUp("db-replica-1", mariaDbFailingToWait())).isFalse();
        assertThat(this.waits).containsExactly("db-replica-1 FAILED");
    }

    @Test
    void shouldNotTellTheListenersWhenTheReadHasNothingToWaitFor() {
        this.context.begin(null, (position) -> {
        });

        assertThat(this.barrier.isCaughtUp("db-replica-1", mariaDbAnswering(0))).isTrue();
        assertThat(this.waits).isEmpty();
    }

    private static Connection mariaDbAnswering(int waitResult) {
        ResultSet rows = proxy(ResultSet.class, (proxy, method, args) -> switch (method.getName()) {
            case "next" -> true;
            case "getInt" -> waitResult;
            case "wasNull" -> false;
            default -> null;
        });
        PreparedStatement wait = proxy(PreparedStatement.class,
                (proxy, method, args) -> method.getName().equals("executeQuery") ? rows : null);
        return mariaDb((proxy, method, args) -> wait);
    }

    private static Connection mariaDbFailingToWait() {
        return mariaDb((proxy, method, args) -> {
            throw new SQLException("Connection reset", "08S01");
        });
    }

    private static Connection mariaDb(InvocationHandler prepareStatement) {
        DatabaseMetaData metaData = proxy(DatabaseMetaData.class, (proxy, method, args) -> switch (method.getName()) {
            case "getDatabaseProductVersion" -> "11.4.5-MariaDB";
            default -> null;
        });
        return proxy(Connection.class, (proxy, method, args) -> switch (method.getName()) {
            case "getMetaData" -> metaData;
            case "prepareStatement" -> prepareStatement.invoke(proxy, method, args);
            default -> null;
        });
    }

    private static <T> T proxy(Class<T> type, InvocationHandler handler) {
        return type.cast(Proxy.newProxyInstance(ReadYourWritesBarrierTests.class.getClassLoader(),
                new Class<?>[] {type}, handler));
    }

}
