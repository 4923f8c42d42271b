package com.foobar.infra.router.routing;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.jdbc.datasource.AbstractDataSource;

/**
 * A test {@link javax.sql.DataSource} that hands out inert connections and counts them, so a test can tell which
 * node a connection came from.
 */
public class RecordingDataSource extends AbstractDataSource {

    private final String name;

    private final AtomicInteger connections = new AtomicInteger();

    public RecordingDataSource(String name) {
        this.name = name;
    }

    public int connections() {
        return this.connections.get();
    }

    @Override
    public Connection getConnection() {
        this.connections.incrementAndGet();
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getAutoCommit" -> true;
                    case "getTransactionIsolation" -> ReadWriteRoutingDataSource.ISOLATION;
                    case "isReadOnly", "isClosed" -> false;
                    case "toString" -> this.name;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> null;
                });
    }

    @Override
    public Connection getConnection(String username, String password) {
        return getConnection();
    }

    @Override
    public String toString() {
        return this.name;
    }
}
