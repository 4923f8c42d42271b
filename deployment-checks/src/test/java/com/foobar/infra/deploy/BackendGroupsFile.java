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
 * A file of backend groups ({@code foobar.balancing.config-file}: the gateways' or the web servers') read by the
 * load-balancing library's own {@code BackendGroupsLoader}: bound and validated exactly as a running gateway or web
 * server reads it, so a file that one would refuse fails here too, with the binder's message.
 */
final class BackendGroupsFile {

    private static final String LOADER = "com.foobar.infra.balancing.pool.BackendGroupsLoader";

    private BackendGroupsFile() {
    }

    /** One backend group: its active health checks and its servers. */
    record Group(Checks checks, List<Backend> backends) {

        Duration checkInterval() {
            return this.checks.interval();
        }

        int checkFall() {
            return this.checks.fall();
        }
    }

    /** A group's active health checks. */
    record Checks(Duration interval, Duration timeout, int rise, int fall) {
    }

    /** One server of a group. */
    record Backend(String name, URI uri, URI healthUri) {
    }

    /** The groups of a repository file, by name. */
    static Map<String, Group> load(String relative) throws Exception {
        return loadFile(RepositoryFiles.path(relative), relative);
    }

    /** The groups of any file, such as one the launcher renders, by name. */
    static Map<String, Group> loadFile(Path file, String description) throws Exception {
        Validator validator = new SpringValidatorAdapter(Validation.byDefaultProvider()
            .configure()
            .messageInterpolator(new ParameterMessageInterpolator())
            .buildValidatorFactory()
            .getValidator());
        Object loader = ProjectClasses.load(LOADER)
            .getConstructor(ConfigurableEnvironment.class, Path.class, Validator.class)
            .newInstance(new StandardEnvironment(), file, validator);
        Map<?, ?> groups;
        try {
            groups = (Map<?, ?>) loader.getClass().getMethod("load").invoke(loader);
        }
        catch (InvocationTargetException ex) {
            Throwable cause = ex.getCause();
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            throw new AssertionError(description + " does not load: " + cause.getMessage(), ex.getCause());
        }
        Map<String, Group> read = new LinkedHashMap<>();
        groups.forEach((name, group) -> {
            Object check = ProjectClasses.call(group, "healthCheck");
            List<Backend> backends = ((List<?>) ProjectClasses.call(group, "backends")).stream()
                .map((server) -> new Backend((String) ProjectClasses.call(server, "name"),
                        (URI) ProjectClasses.call(server, "uri"), (URI) ProjectClasses.call(server, "healthUri")))
                .toList();
            Checks checks = new Checks((Duration) ProjectClasses.call(check, "interval"),
                    (Duration) ProjectClasses.call(check, "timeout"), (int) ProjectClasses.call(check, "rise"),
                    (int) ProjectClasses.call(check, "fall"));
            read.put((String) name, new Group(checks, backends));
        });
        return read;
    }

}
