package com.foobar.infra.app.post;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns what a user typed into the search box into a boolean-mode FULLTEXT search: every word required, each as a
 * prefix ({@code "replica lag"} becomes {@code +replica* +lag*}).
 *
 * <p>Only words (letters and digits) reach {@code MATCH ... AGAINST}: the boolean mode has operators of its own
 * ({@code + - ~ < > ( ) " @ *}), and some of them in the wrong place are a syntax error on InnoDB, so a quote or
 * an {@code @} in the box would otherwise be a 500. The string is a bound parameter either way, so no input is
 * ever SQL. Words shorter than InnoDB's smallest indexed token (3 characters, on MariaDB and MySQL alike) are left
 * out, since no row could match them; at most {@value #MAX_WORDS} words are used.
 */
final class SearchTerms {

    static final int MIN_WORD_LENGTH = 3;

    static final int MAX_WORDS = 10;

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}_]+");

    private SearchTerms() {
    }

    /**
     * The boolean-mode search string for a query.
     * @param query what the user typed
     * @return the search string, or empty when the query has no word to search for
     */
    static Optional<String> booleanMode(String query) {
        String terms = WORD.matcher(query.toLowerCase(Locale.ROOT)).results()
                .map(MatchResult::group)
                .filter((word) -> word.length() >= MIN_WORD_LENGTH)
                .distinct()
                .limit(MAX_WORDS)
                .map((word) -> "+" + word + "*")
                .collect(Collectors.joining(" "));
        return terms.isEmpty() ? Optional.empty() : Optional.of(terms);
    }
}
