package com.foobar.infra.app.json;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;

/**
 * Jackson's {@link StringDeserializer} that refuses a string holding a lone surrogate ({@code "\ud800"}): JSON's
 * escapes allow it, but it is no Unicode text, and the database would store it as {@code ?} after the API had
 * acknowledged it as sent.
 */
final class WellFormedStringDeserializer extends StringDeserializer {

    /** The reason given when a string is refused; {@link JsonProblems} names the field it was in. */
    static final String LONE_SURROGATE = "is not valid Unicode (a lone surrogate)";

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
        String value = super.deserialize(parser, context);
        if (value != null && hasLoneSurrogate(value)) {
            return (String) context.reportInputMismatch(this, LONE_SURROGATE);
        }
        return value;
    }

    static boolean hasLoneSurrogate(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            }
            else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
