package io.connectionportal.api;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.connectionportal.shared.Company;

/**
 * The body of {@code POST /api/v1/companies}, validated. The rule for unknown fields: refused, each named, so a
 * misspelt field ({@code externalRefs}) is never silently dropped.
 */
record NewCompany(String name, String externalRef, String country, String language) {

    static final int EXTERNAL_REF_MAX = 100;
    static final int BODY_MAX = 4096;
    static final Set<String> FIELDS = Set.of("name", "externalRef", "country", "language");
    static final Set<String> LANGUAGES = Set.of("en", "fr");
    static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    static NewCompany parse(String body) {
        if (body == null || body.isBlank()) {
            throw invalid(List.of(new Problem.FieldError("body", "a JSON object is required")));
        }
        if (body.length() > BODY_MAX) {
            throw invalid(List.of(new Problem.FieldError("body", "must be at most " + BODY_MAX + " characters")));
        }
        JsonNode json = Json.read(body)
                .filter(JsonNode::isObject)
                .orElseThrow(() -> invalid(List.of(new Problem.FieldError("body", "must be a JSON object"))));
        List<Problem.FieldError> errors = new ArrayList<>();
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String field = names.next();
            if (!FIELDS.contains(field)) {
                errors.add(new Problem.FieldError(
                        field, "unknown field; the fields are name, externalRef, country, language"));
            }
        }
        String name = text(json, "name", true, errors)
                .filter(v -> check(
                        v.length() <= Company.NAME_MAX,
                        "name",
                        "must be at most " + Company.NAME_MAX + " characters",
                        errors))
                .orElse(null);
        String externalRef = text(json, "externalRef", false, errors)
                .filter(v -> check(
                        v.length() <= EXTERNAL_REF_MAX,
                        "externalRef",
                        "must be at most " + EXTERNAL_REF_MAX + " characters",
                        errors))
                .orElse(null);
        String country = text(json, "country", true, errors)
                .filter(v -> check(
                        COUNTRIES.contains(v),
                        "country",
                        "must be an ISO 3166-1 alpha-2 code in capitals, such as FR or GB",
                        errors))
                .orElse(null);
        String language = text(json, "language", true, errors)
                .filter(v -> check(LANGUAGES.contains(v), "language", "must be en or fr", errors))
                .orElse(null);
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        return new NewCompany(name, externalRef, country, language);
    }

    /** The same request always hashes the same, however its JSON was spaced or ordered. */
    String canonical() {
        return Json.write(new String[] {name, externalRef, country, language});
    }

    private static Optional<String> text(
            JsonNode json, String field, boolean required, List<Problem.FieldError> errors) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                errors.add(new Problem.FieldError(field, "is required"));
            }
            return Optional.empty();
        }
        if (!value.isTextual()) {
            errors.add(new Problem.FieldError(field, "must be a string"));
            return Optional.empty();
        }
        String text = value.textValue().strip();
        if (text.isEmpty()) {
            errors.add(new Problem.FieldError(field, "must not be blank"));
            return Optional.empty();
        }
        if (text.codePoints().anyMatch(Character::isISOControl)) {
            errors.add(new Problem.FieldError(field, "must not contain control characters"));
            return Optional.empty();
        }
        return Optional.of(text);
    }

    private static boolean check(boolean ok, String field, String detail, List<Problem.FieldError> errors) {
        if (!ok) {
            errors.add(new Problem.FieldError(field, detail));
        }
        return ok;
    }

    private static ProblemException invalid(List<Problem.FieldError> errors) {
        return new ProblemException(Problem.invalid(errors));
    }
}
