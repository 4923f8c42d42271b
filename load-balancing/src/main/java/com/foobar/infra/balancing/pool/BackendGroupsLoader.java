package com.foobar.infra.balancing.pool;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.validation.Validator;

/**
 * Reads {@code foobar.balancing.groups} from the balancing configuration file when one is set
 * ({@code foobar.balancing.config-file}, the file an operator edits and the application reloads, as haproxy.cfg),
 * and from the application's environment otherwise.
 *
 * <p>Groups are bound and validated exactly as {@code @ConfigurationProperties} are; a file that does not bind
 * fails with the binder's message, which names the property and the problem. A group that names no preferred
 * backend takes this node's, when it lists it: one file serves every web server, each preferring its own application
 * server.
 */
public class BackendGroupsLoader {

    static final String PREFIX = "foobar.balancing.groups";

    private static final Bindable<Map<String, BackendGroupProperties>> GROUPS = Bindable.mapOf(String.class,
            BackendGroupProperties.class);

    private final ConfigurableEnvironment environment;

    private final @Nullable Path file;

    private final BindHandler bindHandler;

    private final @Nullable String preferred;

    public BackendGroupsLoader(ConfigurableEnvironment environment, @Nullable Path file, Validator validator) {
        this(environment, file, validator, null);
    }

    /**
     * @param preferred the backend this node prefers in any group that lists it and prefers none of its own
     */
    public BackendGroupsLoader(ConfigurableEnvironment environment, @Nullable Path file, Validator validator,
            @Nullable String preferred) {
        this.environment = environment;
        this.file = file;
        this.bindHandler = new ValidationBindHandler(validator);
        this.preferred = preferred;
    }

    /** The file groups are read from, {@code null} when they come from the environment. */
    public @Nullable Path file() {
        return this.file;
    }

    /**
     * Reads the groups.
     *
     * @return the groups by name, never empty
     * @throws IllegalStateException when none are configured, with where they were looked for
     * @throws org.springframework.boot.context.properties.bind.BindException when the configuration is invalid
     */
    public Map<String, BackendGroupProperties> load() {
        Binder binder = (this.file != null) ? new Binder(ConfigurationPropertySources.from(readFile(this.file)))
                : Binder.get(this.environment);
        Map<String, BackendGroupProperties> groups = binder.bind(PREFIX, GROUPS, this.bindHandler).orElse(Map.of());
        if (groups.isEmpty()) {
            throw new IllegalStateException("No backend group is configured: set " + PREFIX + ".<name>.backends in "
                    + ((this.file != null) ? this.file : "the application's configuration"));
        }
        String node = this.preferred;
        if (node == null || node.isBlank()) {
            return groups;
        }
        Map<String, BackendGroupProperties> preferring = new LinkedHashMap<>(groups);
        preferring.replaceAll((name, group) -> group.preferring(node));
        return preferring;
    }

    private static List<PropertySource<?>> readFile(Path file) {
        try {
            return new YamlPropertySourceLoader().load(file.toString(), new FileSystemResource(file));
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot read the balancing configuration " + file, ex);
        }
    }
}
