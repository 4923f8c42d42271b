package com.foobar.infra.deploy;

import java.lang.reflect.InvocationTargetException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Validation;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.validation.Validator;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

/**
 * A gateway configuration file ({@code foobar.balancing.config-file}) read by the gateway's own
 * {@code BackendGroupsLoader}: bound and validated exactly as a running gateway reads it, so a file that a gateway
 * would refuse fails here too, with the binder's message.
 */
final class GatewayConfiguration {

    private static final String LOADER = "com.foobar.infra.balancing.pool.BackendGroupsLoader";

    private GatewayConfiguration() {
    }

    /** One backend group: its active health checks and its servers. */
    record Group(Duration checkInterval, int checkFall, List<Backend> backends) {
    }

    /** One server of a group. */
    record Backend(String name, URI uri, URI healthUri) {
    }

    /** The groups of a repository file, by name. */
    static Map<String, Group> load(String relative) throws Exception {
        Validator validator = new SpringValidatorAdapter(Validation.byDefaultProvider()
            .configure()
            .messageInterpolator(new ParameterMessageInterpolator())
            .buildValidatorFactory()
            .getValidator());
        Object loader = ProjectClasses.load(LOADER)
            .getConstructor(ConfigurableEnvironment.class, Path.class, Validator.class)
            .newInstance(new StandardEnvironment(), RepositoryFiles.path(relative), validator);
        Map<?, ?> groups;
        try {
            groups = (Map<?, ?>) loader.getClass().getMethod("load").invoke(loader);
        }
        catch (InvocationTargetException ex) {
            Throwable cause = ex.getCause();
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            throw new AssertionError(relative + " does not load: " + cause.getMessage(), ex.getCause());
        }
        Map<String, Group> read = new LinkedHashMap<>();
        groups.forEach((name, group) -> {
            Object check = ProjectClasses.call(group, "healthCheck");
            List<Backend> backends = ((List<?>) ProjectClasses.call(group, "backends")).stream()
                .map((server) -> new Backend((String) ProjectClasses.call(server, "name"),
                        (URI) ProjectClasses.call(server, "uri"), (URI) ProjectClasses.call(server, "healthUri")))
                .toList();
            read.put((String) name, new Group((Duration) ProjectClasses.call(check, "interval"),
                    (int) ProjectClasses.call(check, "fall"), backends));
        });
        return read;
    }

}
