package com.foobar.infra.router.consistency;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.foobar.infra.router.routing.ReplicaReadBarrier;

/**
 * A {@link ReplicaReadBarrier} that holds a read on a replica until the replica has applied the position the
 * unit of work requires, for at most {@code timeout}; past that the router reads on the primary instead.
 */
public final class ReadYourWritesBarrier implements ReplicaReadBarrier {

    private static final Logger logger = LoggerFactory.getLogger(ReadYourWritesBarrier.class);

    private final ReadYourWritesContext context;

    private final Duration timeout;

    public ReadYourWritesBarrier(ReadYourWritesContext context, Duration timeout) {
        this.context = context;
        this.timeout = timeout;
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
            return reached;
        }
        catch (SQLException ex) {
            logger.debug("Waiting for {} on {} failed: {}", required.get().value(), replicaName, ex.getMessage());
            return false;
        }
    }

}
