package com.foobar.infra.balancing.pool;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The backend groups this node balances over, replaced as a whole when the configuration is reloaded.
 *
 * <p>A reload keeps the state (health, ejection, counters) of every backend whose name, URI, weight and health URI
 * are unchanged, so reloading to add one server does not reset the others; requests in flight to a removed backend
 * finish normally.
 */
public class BackendGroupRegistry {

    private static final Logger logger = LoggerFactory.getLogger(BackendGroupRegistry.class);

    private final Consumer<BackendChange> listener;

    private volatile Map<String, BackendGroup> groups = Map.of();

    /**
     * Creates a registry with its first configuration.
     *
     * @param configuration the groups by name
     * @param listener told of every backend added or removed, the first ones included
     */
    public BackendGroupRegistry(Map<String, BackendGroupProperties> configuration, Consumer<BackendChange> listener) {
        this.listener = listener;
        apply(configuration);
    }

    public @Nullable BackendGroup group(String name) {
        return this.groups.get(name);
    }

    public Collection<BackendGroup> groups() {
        return this.groups.values();
    }

    /** Replaces the groups with a new configuration. */
    public synchronized void apply(Map<String, BackendGroupProperties> configuration) {
        Map<String, BackendGroup> previous = this.groups;
        Map<String, BackendGroup> next = new LinkedHashMap<>();
        List<BackendChange> changes = new ArrayList<>();
        configuration.forEach((name, properties) -> {
            BackendGroup old = previous.get(name);
            Map<String, Backend> kept = new HashMap<>();
            if (old != null) {
                old.backends().forEach((backend) -> kept.put(backend.name(), backend));
            }
            List<Backend> backends = new ArrayList<>();
            for (BackendGroupProperties.Server server : properties.backends()) {
                Backend existing = kept.remove(server.name());
                if (existing != null && existing.server().equals(server)) {
                    backends.add(existing);
                }
                else {
                    if (existing != null) {
                        changes.add(new BackendChange(name, existing, false));
                    }
                    Backend added = new Backend(server);
                    backends.add(added);
                    changes.add(new BackendChange(name, added, true));
                }
            }
            kept.values().forEach((removed) -> changes.add(new BackendChange(name, removed, false)));
            next.put(name, new BackendGroup(name, properties, backends));
        });
        previous.forEach((name, group) -> {
            if (!next.containsKey(name)) {
                group.backends().forEach((removed) -> changes.add(new BackendChange(name, removed, false)));
            }
        });
        this.groups = Collections.unmodifiableMap(next);
        changes.forEach(this.listener);
        if (!previous.isEmpty()) {
            next.values().forEach((group) -> logger.info("Backend group {}: {} ({})", group.name(),
                    group.backends().stream().map(Backend::name).toList(), group.properties().algorithm()));
        }
    }

    /**
     * A backend that joined or left a group.
     *
     * @param group the group's name
     * @param backend the backend
     * @param added {@code true} when it joined
     */
    public record BackendChange(String group, Backend backend, boolean added) {
    }
}
