package io.connectionportal.api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import io.connectionportal.platforms.Category;

/**
 * The body of {@code POST /api/v1/companies/{id}/links}, checked for its shape; whether the redirect URL is allowed
 * and the platform exists is checked by {@link ApiLinks}. Unknown fields are refused, each named, like every body.
 */
record NewLink(String redirectUrl, Set<Category> categories, Optional<String> platform, Optional<Duration> expiresIn) {

    static final int BODY_MAX = 4096;
    static final Set<String> FIELDS = Set.of("redirectUrl", "categories", "platform", "expiresIn");
    static final Duration SHORTEST = Duration.ofMinutes(5);
    static final Duration LONGEST = Duration.ofDays(30);

    static NewLink parse(String body) {
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
                        field, "unknown field; the fields are redirectUrl, categories, platform, expiresIn"));
            }
        }
        String redirectUrl = null;
        JsonNode redirect = json.get("redirectUrl");
        if (redirect == null || redirect.isNull()) {
            errors.add(new Problem.FieldError("redirectUrl", "is required"));
        } else if (!redirect.isTextual() || redirect.textValue().isBlank()) {
            errors.add(new Problem.FieldError("redirectUrl", "must be a URL"));
        } else {
            redirectUrl = redirect.textValue().strip();
        }
        Set<Category> categories = EnumSet.noneOf(Category.class);
        JsonNode kinds = json.get("categories");
        if (kinds != null && !kinds.isNull()) {
            if (!kinds.isArray() || kinds.isEmpty()) {
                errors.add(new Problem.FieldError("categories", "must be a non-empty array of " + categoryKeys()));
            } else {
                for (JsonNode kind : kinds) {
                    Optional<Category> category =
                            kind.isTextual() ? Category.fromKey(kind.textValue()) : Optional.empty();
                    if (category.isEmpty()) {
                        errors.add(new Problem.FieldError("categories", "each must be one of " + categoryKeys()));
                        break;
                    }
                    categories.add(category.get());
                }
            }
        }
        Optional<String> platform = Optional.empty();
        JsonNode key = json.get("platform");
        if (key != null && !key.isNull()) {
            if (!key.isTextual() || key.textValue().isBlank() || key.textValue().length() > 60) {
                errors.add(new Problem.FieldError("platform", "must be a platform key, such as xero"));
            } else {
                platform = Optional.of(key.textValue().strip());
            }
        }
        Optional<Duration> expiresIn = Optional.empty();
        JsonNode seconds = json.get("expiresIn");
        if (seconds != null && !seconds.isNull()) {
            if (!seconds.canConvertToLong()
                    || !seconds.isIntegralNumber()
                    || seconds.longValue() < SHORTEST.toSeconds()
                    || seconds.longValue() > LONGEST.toSeconds()) {
                errors.add(new Problem.FieldError(
                        "expiresIn",
                        "must be a number of seconds from " + SHORTEST.toSeconds() + " to " + LONGEST.toSeconds()));
            } else {
                expiresIn = Optional.of(Duration.ofSeconds(seconds.longValue()));
            }
        }
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        return new NewLink(redirectUrl, categories, platform, expiresIn);
    }

    /** The same request always hashes the same, however its JSON was spaced or ordered. */
    String canonical() {
        return Json.write(new Object[] {
            redirectUrl,
            categories.stream().map(Category::key).sorted().toList(),
            platform.orElse(null),
            expiresIn.map(Duration::toSeconds).orElse(null)
        });
    }

    private static String categoryKeys() {
        return java.util.Arrays.stream(Category.values()).map(Category::key).collect(Collectors.joining(", "));
    }

    private static ProblemException invalid(List<Problem.FieldError> errors) {
        return new ProblemException(Problem.invalid(errors));
    }
}
