package com.foobar.infra.router.consistency;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.foobar.infra.router.routing.DatabaseNodeListener;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Notes the primary's GTID position after each read-write transaction of a tracked unit of work commits, and
 * hands it to the {@link ReadYourWritesContext}.
 *
 * <p>It learns that a transaction writes when the transaction takes a primary connection (it is a
 * {@link DatabaseNodeListener}), and reads the position after commit, when it includes the write. The position is
 * the primary's whole binlog position rather than the transaction's own GTID: reading that needs no access to the
 * transaction's connection, and waiting for it is at worst a little stricter.
 */
public final class GtidCapture implements DatabaseNodeListener {

    private static final Logger logger = LoggerFactory.getLogger(GtidCapture.class);

    private static final Object REGISTERED = GtidCapture.class.getName() + ".registered";

    private final String primaryName;

    private final Supplier<DataSource> primary;

    private final ReadYourWritesContext context;

    private volatile @Nullable GtidDialect dialect;

    /**
     * @param primaryName the primary's node name
     * @param primary where to read the position, resolved on first use
     * @param context the unit of work to tell
     */
    public GtidCapture(String primaryName, Supplier<DataSource> primary, ReadYourWritesContext context) {
        this.primaryName = primaryName;
        this.primary = primary;
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

    private void capture() {
        try (Connection connection = this.primary.get().getConnection()) {
            GtidDialect known = this.dialect;
            if (known == null) {
                known = GtidDialect.of(connection);
                this.dialect = known;
            }
            this.context.wrote(new GtidPosition(known.currentPosition(connection)));
        }
        catch (SQLException | IllegalArgumentException ex) {
            // The write is committed either way; only this client's next reads may look older than it.
            logger.warn("Could not read the primary's GTID position after a write: {}", ex.getMessage());
        }
    }

}
