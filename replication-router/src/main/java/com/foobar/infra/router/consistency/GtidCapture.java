package com.foobar.infra.router.consistency;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.foobar.infra.router.routing.DatabaseNodeListener;

import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Notes the primary's GTID position after each read-write transaction of a tracked unit of work commits, and
 * hands it to the {@link ReadYourWritesContext}.
 *
 * <p>It learns that a transaction writes when the transaction takes a primary connection (it is a
 * {@link DatabaseNodeListener}), and reads the position after commit, when it includes the write. The position is
 * the primary's whole binlog position rather than the transaction's own GTID: it is read the same way on MariaDB
 * and MySQL, and waiting for it is at worst a little stricter.
 */
public final class GtidCapture implements DatabaseNodeListener {

    private static final Logger logger = LoggerFactory.getLogger(GtidCapture.class);

    private static final Object REGISTERED = GtidCapture.class.getName() + ".registered";

    private final String primaryName;

    private final Supplier<DataSource> router;

    private final ReadYourWritesContext context;

    private volatile @Nullable GtidDialect dialect;

    /**
     * @param primaryName the primary's node name
     * @param router the router whose bound transaction connection the position is read on, resolved on first use
     * @param context the unit of work to tell
     */
    public GtidCapture(String primaryName, Supplier<DataSource> router, ReadYourWritesContext context) {
        this.primaryName = primaryName;
        this.router = router;
        this.context = context;
    }

    @Override
    public void connectionObtained(String nodeName) {
        if (!nodeName.equals(this.primaryName) || !this.context.isActive()
                || !TransactionSynchronizationManager.isSynchronizationActive()
                || TransactionSynchronizationManager.isCurrentTransactionReadOnly()
                || TransactionSynchronizationManager.hasResource(REGISTERED)) {
            return;
        }
        TransactionSynchronizationManager.bindResource(REGISTERED, Boolean.TRUE);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

            @Override
            public void afterCommit() {
                capture();
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(REGISTERED);
            }

        });
    }

    // On the transaction's own primary connection, still bound after commit: taking a second one from the pool
    // would wait for a free connection while this one is held, and stall under load.
    private void capture() {
        DataSource router = this.router.get();
        Connection connection = null;
        try {
            connection = DataSourceUtils.getConnection(router);
            GtidDialect known = this.dialect;
            if (known == null) {
                known = GtidDialect.of(connection);
                this.dialect = known;
            }
            this.context.wrote(new GtidPosition(known.currentPosition(connection)));
        }
        catch (SQLException | RuntimeException ex) {
            // The write is committed either way; only this client's next reads may look older than it.
            logger.warn("Could not read the primary's GTID position after a write: {}", ex.getMessage());
        }
        finally {
            DataSourceUtils.releaseConnection(connection, router);
        }
    }

}
