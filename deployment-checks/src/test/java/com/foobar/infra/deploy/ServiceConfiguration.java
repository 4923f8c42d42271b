package com.foobar.infra.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationStyle;

/**
 * What configuration a service really reads, so that an environment variable can be checked against it: the
 * placeholders and keys of its {@code application.yml}, the {@code @ConfigurationProperties} records and
 * {@code @Value} properties of the service and of the project's libraries it depends on, and Spring Boot's own
 * documented properties.
 *
 * <p>A variable binds when it names one of those properties the way Spring Boot's relaxed binding maps environment
 * variables: upper case, {@code _} for {@code .}, a dash dropped or written as {@code _}, list indexes as numbers.
 */
final class ServiceConfiguration {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z0-9_]+)");

    private static final Pattern CONFIGURATION_PROPERTIES = Pattern
        .compile("@ConfigurationProperties\\(\"([a-z.-]+)\"\\)");

    private static final Pattern VALUE = Pattern.compile("@Value\\(\"\\$\\{([a-z0-9.-]+)[:}]");

    private static final Pattern PROJECT_DEPENDENCY = Pattern
        .compile("<groupId>com\\.foobar\\.infra</groupId>\\s*<artifactId>([a-z-]+)</artifactId>");

    private final Set<String> placeholders = new LinkedHashSet<>();

    /** Property templates: dashed segments, {@code #} for a list index, {@code *} for a map key. */
    private final Set<List<String>> properties = new LinkedHashSet<>();

    private static final Map<String, ServiceConfiguration> READ = new HashMap<>();

    /** The configuration of {@code service}, read once per test run. */
    static synchronized ServiceConfiguration of(String service) throws Exception {
        ServiceConfiguration configuration = READ.get(service);
        if (configuration == null) {
            configuration = new ServiceConfiguration(service);
            READ.put(service, configuration);
        }
        return configuration;
    }

    private ServiceConfiguration(String service) throws Exception {
        String applicationYml = RepositoryFiles.read(service + "/src/main/resources/application.yml");
        Matcher placeholder = PLACEHOLDER.matcher(applicationYml);
        while (placeholder.find()) {
            this.placeholders.add(placeholder.group(1));
        }
        addKeys(List.of(), RepositoryFiles.yaml(service + "/src/main/resources/application.yml"));
        for (String module : modules(service)) {
            addPropertiesInCode(module);
        }
        addSpringBootMetadata();
    }

    /**
     * How long the service may take to stop after {@code SIGTERM} with these variables: the web tier's drain
     * ({@code FOOBAR_SHUTDOWN_DRAIN}), then the graceful shutdown ({@code spring.lifecycle.timeout-per-shutdown-phase}
     * of its {@code application.yml}, Spring Boot's 30 s when unset).
     */
    static Duration shutdownTime(String service, Map<String, String> environment) {
        Map<String, Object> yaml = RepositoryFiles.yaml(service + "/src/main/resources/application.yml");
        Object spring = yaml.getOrDefault("spring", Map.of());
        Object lifecycle = (spring instanceof Map<?, ?> map) ? map.get("lifecycle") : null;
        Object phase = (lifecycle instanceof Map<?, ?> map) ? map.get("timeout-per-shutdown-phase") : null;
        Duration drain = DurationStyle.detectAndParse(environment.getOrDefault("FOOBAR_SHUTDOWN_DRAIN", "0s"));
        return drain.plus(DurationStyle.detectAndParse((phase != null) ? phase.toString() : "30s"));
    }

    boolean binds(String variable) {
        return this.placeholders.contains(variable)
                || this.properties.stream().anyMatch((property) -> envPattern(property).matcher(variable).matches());
    }

    /** The service and the project's libraries it depends on, directly or not. */
    private static Set<String> modules(String module) {
        Set<String> modules = new LinkedHashSet<>(List.of(module));
        String pom = RepositoryFiles.read(module + "/pom.xml");
        Matcher dependency = PROJECT_DEPENDENCY.matcher(pom.substring(pom.indexOf("<dependencies>")));
        while (dependency.find()) {
            modules.addAll(modules(dependency.group(1)));
        }
        return modules;
    }

    private void addKeys(List<String> prefix, Object yaml) {
        if (yaml instanceof Map<?, ?> map) {
            map.forEach((key, value) -> addKeys(append(prefix, String.valueOf(key).split("\\.")), value));
        }
        else if (yaml instanceof List<?> list) {
            list.forEach((item) -> addKeys(append(prefix, "#"), item));
        }
        else {
            this.properties.add(prefix);
        }
    }

    private void addPropertiesInCode(String module) throws IOException, ClassNotFoundException {
        Path sources = RepositoryFiles.path(module + "/src/main/java");
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter((f) -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                Matcher value = VALUE.matcher(source);
                while (value.find()) {
                    this.properties.add(List.of(value.group(1).split("\\.")));
                }
                Matcher annotation = CONFIGURATION_PROPERTIES.matcher(source);
                if (annotation.find()) {
                    String className = sources.relativize(file).toString().replace('/', '.').replaceAll("\\.java$", "");
                    Class<?> type = ProjectClasses.load(className);
                    addRecord(List.of(type.getAnnotation(ConfigurationProperties.class).value().split("\\.")), type);
                }
            }
        }
    }

    private void addRecord(List<String> prefix, Class<?> record) {
        for (RecordComponent component : record.getRecordComponents()) {
            addType(append(prefix, dashed(component.getName())), component.getGenericType());
        }
    }

    private void addType(List<String> path, Type type) {
        if (type instanceof ParameterizedType generic) {
            Type[] arguments = generic.getActualTypeArguments();
            String element = Map.class.isAssignableFrom((Class<?>) generic.getRawType()) ? "*" : "#";
            addType(append(path, element), arguments[arguments.length - 1]);
        }
        else if (type instanceof Class<?> plain && plain.isRecord()) {
            addRecord(path, plain);
        }
        else {
            this.properties.add(path);
        }
    }

    private void addSpringBootMetadata() throws IOException {
        ObjectMapper json = new ObjectMapper();
        for (URL metadata : Collections.list(getClass().getClassLoader()
            .getResources("META-INF/spring-configuration-metadata.json"))) {
            try (InputStream in = metadata.openStream()) {
                for (JsonNode property : json.readTree(in).path("properties")) {
                    this.properties.add(List.of(property.path("name").asText().split("\\.")));
                }
            }
        }
    }

    private static Pattern envPattern(List<String> property) {
        List<String> segments = new ArrayList<>();
        for (String segment : property) {
            segments.add(segment.equals("#") ? "[0-9]+" : segment.equals("*") ? "[A-Z0-9]+"
                    : "(" + Pattern.quote(segment.replace("-", "").toUpperCase()) + "|"
                            + Pattern.quote(segment.replace('-', '_').toUpperCase()) + ")");
        }
        return Pattern.compile(String.join("_", segments));
    }

    private static String dashed(String camelCase) {
        return camelCase.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }

    private static List<String> append(List<String> prefix, String... segments) {
        List<String> path = new ArrayList<>(prefix);
        path.addAll(List.of(segments));
        return path;
    }

}
