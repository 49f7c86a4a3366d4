package io.connectionportal.consent;

import java.util.Set;

import io.quarkus.qute.TemplateData;

import io.connectionportal.platforms.Category;

/** How much of the picture the lender sees (V4): connected categories out of all of them. */
@TemplateData
public record StrengthMeter(int connected, int total) {

    public static StrengthMeter of(Set<Category> connectedCategories) {
        return new StrengthMeter(connectedCategories.size(), Category.values().length);
    }

    public int percent() {
        return total == 0 ? 0 : connected * 100 / total;
    }

    /** One of none, weak, good, strong: the meter's colour and wording. */
    public String level() {
        if (connected == 0) {
            return "none";
        }
        return connected == total ? "strong" : connected * 2 >= total ? "good" : "weak";
    }
}
