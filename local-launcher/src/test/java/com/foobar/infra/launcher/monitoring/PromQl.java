package com.foobar.infra.launcher.monitoring;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names a PromQL expression reads: what is left once strings, label matchers, range selectors and
 * grouping clauses are taken out, minus function calls and keywords. Enough for the expressions we ship, so that a
 * test can tell a dashboard or rule that queries a name nobody exports.
 */
public final class PromQl {

    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");

    private static final Pattern MATCHERS_OR_RANGE = Pattern.compile("\\{[^}]*\\}|\\[[^\\]]*\\]");

    private static final Pattern GROUPING = Pattern
        .compile("\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");

    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.])([a-zA-Z_:][a-zA-Z0-9_:]*)(\\s*\\()?");

    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without", "on",
            "ignoring", "group_left", "group_right", "inf", "nan");

    private PromQl() {
    }

    public static Set<String> metricNames(String expression) {
        String bare = STRING.matcher(expression).replaceAll("\"\"");
        bare = MATCHERS_OR_RANGE.matcher(bare).replaceAll(" ");
        bare = GROUPING.matcher(bare).replaceAll(" ");
        Set<String> names = new TreeSet<>();
        Matcher identifier = IDENTIFIER.matcher(bare);
        while (identifier.find()) {
            if (identifier.group(2) == null && !KEYWORDS.contains(identifier.group(1).toLowerCase())) {
                names.add(identifier.group(1));
            }
        }
        return names;
    }

}
