package com.foobar.infra.router.consistency;

import java.util.Optional;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

/**
 * The read-your-writes state of the unit of work running on this thread (a web request, usually): the position
 * its reads must not be older than, and where to send the position of a write it makes.
 *
 * <p>Outside {@link #begin}/{@link #end} nothing is required and writes are not tracked.
 */
public final class ReadYourWritesContext {

    private final ThreadLocal<State> current = new ThreadLocal<>();

    /**
     * Starts a unit of work.
     * @param required the position the client last wrote, if it sent one
     * @param onWrite told the new position after each committed write, to pass it to the client
     */
    public void begin(@Nullable GtidPosition required, Consumer<GtidPosition> onWrite) {
        this.current.set(new State(required, onWrite));
    }

    public void end() {
        this.current.remove();
    }

    public boolean isActive() {
        return this.current.get() != null;
    }

    /** The position reads must have reached, if any. */
    public Optional<GtidPosition> required() {
        State state = this.current.get();
        return state != null ? Optional.ofNullable(state.required) : Optional.empty();
    }

    /** Records a committed write: later reads of this unit of work, and of the client, must see it. */
    public void wrote(GtidPosition position) {
        State state = this.current.get();
        if (state != null) {
            state.required = position;
            state.onWrite.accept(position);
        }
    }

    private static final class State {

        private @Nullable GtidPosition required;

        private final Consumer<GtidPosition> onWrite;

        State(@Nullable GtidPosition required, Consumer<GtidPosition> onWrite) {
            this.required = required;
            this.onWrite = onWrite;
        }

    }

}
