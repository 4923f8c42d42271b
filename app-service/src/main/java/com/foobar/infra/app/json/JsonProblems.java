package com.foobar.infra.app.json;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;

import com.foobar.infra.app.problem.InvalidField;

/**
 * What a strict reading of a JSON body refused, as a rejected field for a {@code 400} problem: the field given twice,
 * a value of the wrong type, a string that is not Unicode.
 */
public final class JsonProblems {

    private static final Pattern DUPLICATE = Pattern.compile("Duplicate Object property \"(.*)\"");

    private JsonProblems() {
    }

    /**
     * The refused field and why, for a problem's {@code detail} and {@code errors}.
     *
     * @param ex why the body could not be read
     * @return the problem, or {@code null} when the body is simply not JSON (or is missing)
     */
    public static @Nullable Refusal refusal(@Nullable Throwable ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof StreamReadException read && read.getOriginalMessage() != null) {
                Matcher duplicate = DUPLICATE.matcher(read.getOriginalMessage());
                if (duplicate.find()) {
                    String field = duplicate.group(1);
                    return new Refusal("The request body has the field " + field + " more than once.",
                            new InvalidField(field, "is given more than once"));
                }
            }
            if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
                String field = path(mismatch);
                String message = WellFormedStringDeserializer.LONE_SURROGATE.equals(mismatch.getOriginalMessage())
                        ? WellFormedStringDeserializer.LONE_SURROGATE
                        : (mismatch.getTargetType() == String.class) ? "must be a string" : "has the wrong type";
                return new Refusal("Invalid request: " + field + " " + message + ".", new InvalidField(field, message));
            }
        }
        return null;
    }

    private static String path(JacksonException ex) {
        return ex.getPath().stream()
            .map((reference) -> (reference.getPropertyName() != null) ? reference.getPropertyName()
                    : "[" + reference.getIndex() + "]")
            .collect(Collectors.joining("."));
    }

    /**
     * One refusal of a JSON body.
     *
     * @param detail the problem's detail, naming the field
     * @param field the field, for the problem's {@code errors}
     */
    public record Refusal(String detail, InvalidField field) {

        public List<InvalidField> errors() {
            return List.of(this.field);
        }
    }
}
