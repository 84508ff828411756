package com.westbethel.motel.adapters.web.edge;

import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.module.SimpleModule;

/**
 * A JSON string holding the NUL character (U+0000) is refused while the body is read. PostgreSQL cannot store it in a
 * text column, so without this it travelled through every layer and came back as a database refusal; here it is a 400
 * naming the field, like any other invalid input.
 */
public final class NulCharacterRefused extends MismatchedInputException {

    static final String MESSAGE = "must not contain the NUL character (U+0000)";

    private NulCharacterRefused(JsonParser parser) {
        super(parser, MESSAGE, String.class);
    }

    /** The refused field as validation names fields: {@code guest.firstName}, {@code preferences[0].type}. */
    public String field() {
        String path = getPath().stream()
                .map(reference -> reference.getPropertyName() != null ? "." + reference.getPropertyName()
                        : reference.getIndex() >= 0 ? "[" + reference.getIndex() + "]" : "")
                .collect(Collectors.joining());
        return path.startsWith(".") ? path.substring(1) : path.isEmpty() ? "body" : path;
    }

    /** The module that puts the check on every {@code String} Boot's JSON mapper reads (properties, lists, map values). */
    public static SimpleModule module() {
        return new SimpleModule("nul-character-refused").addDeserializer(String.class, new Deserializer());
    }

    /** Not annotated as Jackson's standard implementation, so Jackson uses it everywhere a String is read. */
    private static final class Deserializer extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
            String value = super.deserialize(parser, context);
            if (value != null && value.indexOf('\0') >= 0) {
                throw new NulCharacterRefused(parser);
            }
            return value;
        }
    }
}
