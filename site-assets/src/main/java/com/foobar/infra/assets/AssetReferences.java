package com.foobar.infra.assets;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Points the references in a page or stylesheet at the hashed names of the assets they name.
 *
 * <p>It rewrites root-relative references in {@code href} and {@code src} attributes and in CSS {@code url(...)}:
 * {@code href="/style.css"} becomes {@code href="/assets/style.1a2b3c4d5e6f.css"}, a query or fragment after the path
 * is kept. Relative references ({@code style.css}) and anything that is not a file of the site ({@code /api/posts},
 * {@code /infra}) are left as they are.
 */
final class AssetReferences {

    // Group 1: what introduces the reference (attribute or url( with its quote), group 2: the path up to ?, # or quote.
    private static final Pattern REFERENCE = Pattern.compile(
            "((?:\\b(?:href|src)\\s*=\\s*[\"']?)|(?:url\\(\\s*[\"']?))(/[^\"'()?#\\s>]+)");

    private AssetReferences() {
    }

    static String rewrite(String text, Map<String, String> hashedPaths) {
        Matcher matcher = REFERENCE.matcher(text);
        StringBuilder rewritten = new StringBuilder(text.length());
        while (matcher.find()) {
            String path = matcher.group(2);
            String replacement = matcher.group(1) + hashedPaths.getOrDefault(path, path);
            matcher.appendReplacement(rewritten, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(rewritten);
        return rewritten.toString();
    }
}
