package com.foobar.infra.app.problem;

/**
 * One rejected input of a 400 problem, listed in its {@code errors} property.
 *
 * @param field the JSON field or query parameter, for example {@code body} or {@code limit}
 * @param message why it was rejected, for example {@code must not be blank}
 */
public record InvalidField(String field, String message) {
}
