package com.foobar.infra.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.Tag;

/** The checked-out repository's files, as the deployment checks read them. */
final class RepositoryFiles {

    static final Path ROOT = Path.of(System.getProperty("foobar.root", "..")).toAbsolutePath().normalize();

    private RepositoryFiles() {
    }

    static Path path(String relative) {
        return ROOT.resolve(relative);
    }

    static String read(String relative) {
        try {
            return Files.readString(path(relative));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * One YAML document as maps and lists, with merge keys ({@code <<}) resolved as compose resolves them, and
     * compose's {@code !reset} read as {@code null}.
     */
    static Map<String, Object> yaml(String relative) {
        return new Yaml(new ComposeConstructor()).load(read(relative));
    }

    /** A {@code KEY=value} file as compose's {@code env_file} and kustomize's {@code envs} read it. */
    static Map<String, String> envFile(String relative) {
        Map<String, String> variables = new LinkedHashMap<>();
        read(relative).lines().map(String::strip).filter((line) -> !line.isEmpty() && !line.startsWith("#"))
            .forEach((line) -> {
                int equals = line.indexOf('=');
                variables.put(line.substring(0, equals), line.substring(equals + 1));
            });
        return variables;
    }

    /** The variables every container of {@code service} gets from {@code deploy/env}. */
    static Map<String, String> serviceEnvironment(String service) {
        Map<String, String> variables = new LinkedHashMap<>(envFile("deploy/env/common.env"));
        variables.putAll(envFile("deploy/env/" + service + ".env"));
        return variables;
    }

    private static final class ComposeConstructor extends SafeConstructor {

        ComposeConstructor() {
            super(new LoaderOptions());
            this.yamlConstructors.put(new Tag("!reset"), new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    return null;
                }
            });
        }

    }

}
