package com.foobar.infra.load;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/** What a user picks out of a post's text to search for. Plain Java: Gatling's DSL needs a running simulation. */
final class PostText {

    private static final Pattern WORD = Pattern.compile("\\p{L}{4,}");

    private PostText() {
    }

    /**
     * The first word of four letters or more in a post, lower-cased; "post" for a post without one, or when there
     * was no post (Gatling transforms even what it did not find).
     */
    static String searchTerm(@Nullable String body) {
        Matcher word = WORD.matcher((body != null) ? body : "");
        return word.find() ? word.group().toLowerCase(Locale.ROOT) : "post";
    }

}
