package com.foobar.infra.router.retry;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.function.BiConsumer;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.foobar.infra.router.routing.DatabaseNodeListener;

import org.springframework.aop.ProxyMethodInvocation;

/**
 * Runs a read-only transaction a second time when the first failed because the connection to its node failed
 * (refused, reset, timed out: SQL state class {@code 08} or the JDBC connection exception types), after
 * reporting that node, so the second attempt goes to another replica. Anything else, and a second failure,
 * reaches the caller unchanged. Only read-only transactions are retried: running a read twice changes nothing,
 * while a write that may have committed must never be replayed.
 *
 * <p>It runs outside the transaction interceptor, so each attempt is a whole new transaction. As a
 * {@link DatabaseNodeListener} it notes, for the attempt on this thread only, which node served it.
 */
public class ReadOnlyTransactionRetryInterceptor implements MethodInterceptor, DatabaseNodeListener {

    private static final Logger logger = LoggerFactory.getLogger(ReadOnlyTransactionRetryInterceptor.class);

    // Present while an attempt runs on this thread: the node that attempt used, once it has one.
    private final ThreadLocal<String[]> attempt = new ThreadLocal<>();

    private final BiConsumer<String, String> failedNode;

    /** @param failedNode told the name of a node and the reason when a query on it failed at the connection level */
    public ReadOnlyTransactionRetryInterceptor(BiConsumer<String, String> failedNode) {
        this.failedNode = failedNode;
    }

    @Override
    public @Nullable Object invoke(MethodInvocation invocation) throws Throwable {
        if (this.attempt.get() != null) {
            return invocation.proceed();
        }
        MethodInvocation retry = ((ProxyMethodInvocation) invocation).invocableClone();
        String[] node = new String[1];
        this.attempt.set(node);
        try {
            return invocation.proceed();
        }
        catch (Throwable ex) {
            SQLException connectionFailure = connectionFailure(ex);
            if (connectionFailure == null) {
                throw ex;
            }
            if (node[0] != null) {
                this.failedNode.accept(node[0], connectionFailure.getMessage());
            }
            logger.info("A read-only transaction failed on {} ({}); retrying it once on another node",
                    node[0] != null ? node[0] : "an unknown node", connectionFailure.getMessage());
            node[0] = null;
            return retry.proceed();
        }
        finally {
            this.attempt.remove();
        }
    }

    @Override
    public void connectionObtained(String nodeName) {
        String[] node = this.attempt.get();
        if (node != null) {
            node[0] = nodeName;
        }
    }

    private static @Nullable SQLException connectionFailure(Throwable ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && (sql instanceof SQLTransientConnectionException
                    || sql instanceof SQLRecoverableException
                    || (sql.getSQLState() != null && sql.getSQLState().startsWith("08")))) {
                return sql;
            }
        }
        return null;
    }

}
