package io.connectionportal.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The API's JSON, written by hand into strings: responses are stored as they were sent (Idempotency-Key), and a
 * problem must read the same whichever filter or mapper answers.
 */
final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private Json() {}

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "Could not write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** The body as a JSON tree, or empty when it is not JSON at all. */
    static java.util.Optional<JsonNode> read(String body) {
        try {
            return java.util.Optional.ofNullable(MAPPER.readTree(body));
        } catch (JsonProcessingException e) {
            return java.util.Optional.empty();
        }
    }
}
