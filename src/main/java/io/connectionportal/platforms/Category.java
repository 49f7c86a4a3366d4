package io.connectionportal.platforms;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The kinds of platform a business connects, each with the data the portal reads from it (P1). */
public enum Category {
    ACCOUNTING,
    BANKING,
    COMMERCE;

    /** Lower-case key used in URLs, forms and stored records. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public List<DataType> dataTypes() {
        return Arrays.stream(DataType.values())
                .filter(t -> t.category() == this)
                .toList();
    }

    public static Optional<Category> fromKey(String key) {
        return Arrays.stream(values()).filter(c -> c.key().equals(key)).findFirst();
    }
}
