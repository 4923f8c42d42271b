package com.foobar.infra.router.consistency;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.foobar.infra.router.consistency.GtidWaitListener.Outcome;
import com.foobar.infra.router.routing.ReplicaReadBarrier;

/**
 * A {@link ReplicaReadBarrier} that holds a read on a replica until the replica has applied the position the
 * unit of work requires, for at most {@code timeout}; past that the router reads on the primary instead.
 *
 * <p>Every wait is told to the {@link GtidWaitListener}s; reads with nothing to wait for are not.
 */
public final class ReadYourWritesBarrier implements ReplicaReadBarrier {

    private static final Logger logger = LoggerFactory.getLogger(ReadYourWritesBarrier.class);

    private final ReadYourWritesContext context;

    private final Duration timeout;

    private final List<GtidWaitListener> listeners;

    public ReadYourWritesBarrier(ReadYourWritesContext context, Duration timeout) {
        this(context, timeout, List.of());
    }

    /** @param listeners told, in order, how each wait ended */
    public ReadYourWritesBarrier(ReadYourWritesContext context, Duration timeout, List<GtidWaitListener> listeners) {
        this.context = context;
        this.timeout = timeout;
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public boolean isCaughtUp(String replicaName, Connection replica) {
        Optional<GtidPosition> required = this.context.required();
        if (required.isEmpty()) {
            return true;
        }
        try {
            boolean reached = GtidDialect.of(replica).awaitPosition(replica, required.get(), this.timeout);
            if (!reached) {
                logger.debug("{} did not reach {} within {}; reading on the primary", replicaName,
                        required.get().value(), this.timeout);
            }
            waited(replicaName, reached ? Outcome.REACHED : Outcome.TIMED_OUT);
            return reached;
        }
        catch (SQLException ex) {
            logger.debug("Waiting for {} on {} failed: {}", required.get().value(), replicaName, ex.getMessage());
            waited(replicaName, Outcome.FAILED);
            return false;
        }
    }

    private void waited(String replicaName, Outcome outcome) {
        for (GtidWaitListener listener : this.listeners) {
            listener.gtidWaited(replicaName, outcome);
        }
    }

}
