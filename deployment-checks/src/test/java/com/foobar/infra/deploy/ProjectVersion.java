package com.foobar.infra.deploy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The root pom's version, which the project's images are tagged with. */
final class ProjectVersion {

    private static final Pattern VERSION = Pattern.compile("<artifactId>foobar-infra</artifactId>\\s*<version>([^<]+)");

    private ProjectVersion() {
    }

    static String get() {
        Matcher version = VERSION.matcher(RepositoryFiles.read("pom.xml"));
        if (!version.find()) {
            throw new IllegalStateException("No version in pom.xml");
        }
        return version.group(1);
    }

}
