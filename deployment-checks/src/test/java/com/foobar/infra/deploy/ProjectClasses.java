package com.foobar.infra.deploy;

import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The compiled classes of every module the root {@code pom.xml} lists ({@code <module>/target/classes}), so that the
 * checks read the launcher's topology and the services' and libraries' configuration from the code itself, and a
 * module added later is found without editing this one.
 *
 * <p>A class loader rather than dependencies: the services and the launcher are Spring Boot executable jars, whose
 * classes a Maven dependency cannot reach. Third-party classes come from the test class path (its parent).
 */
final class ProjectClasses {

    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");

    private static final ClassLoader LOADER = new URLClassLoader("project-modules", urls(),
            ProjectClasses.class.getClassLoader());

    private ProjectClasses() {
    }

    static Class<?> load(String className) throws ClassNotFoundException {
        return Class.forName(className, true, LOADER);
    }

    /** Calls a public no-argument method, such as a record's accessor, of an object of those classes. */
    static Object call(Object target, String method) {
        try {
            return target.getClass().getMethod(method).invoke(target);
        }
        catch (ReflectiveOperationException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static URL[] urls() {
        List<URL> urls = new ArrayList<>();
        Matcher module = MODULE.matcher(RepositoryFiles.read("pom.xml"));
        while (module.find()) {
            Path classes = RepositoryFiles.path(module.group(1) + "/target/classes");
            if (Files.isDirectory(classes)) {
                try {
                    urls.add(classes.toUri().toURL());
                }
                catch (MalformedURLException ex) {
                    throw new IllegalStateException(ex);
                }
            }
        }
        return urls.toArray(URL[]::new);
    }

}
