package io.connectionportal.shared;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.qute.TemplateData;

/**
 * The errors of one submitted form, in the order of its fields: the error summary lists them and
 * each field shows its own message inline (GOV.UK pattern).
 */
@TemplateData
public final class FormErrors {

    private final Map<String, String> byField = new LinkedHashMap<>();

    /** Records the first error of a field; later ones for the same field are ignored. */
    public FormErrors add(String field, String message) {
        byField.putIfAbsent(field, message);
        return this;
    }

    public boolean any() {
        return !byField.isEmpty();
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    public String get(String field) {
        return byField.get(field);
    }

    public List<Map.Entry<String, String>> entries() {
        return List.copyOf(byField.entrySet());
    }

    public static FormErrors none() {
        return new FormErrors();
    }
}
