package io.connectionportal.platforms;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Names of categories, data types and directions, beside their enums. English in
 * {@code messages/platforms_en.properties}, French in {@code platforms_fr.properties}; templates use
 * {@code platforms:key}. A method taking an enum reads the key {@code method_CONSTANT}, or
 * {@code method_$CONSTANT} for every constant when any constant of that enum contains an underscore (Qute's rule).
 * Category names shown to users go through {@link CategoryLabels}, which integrators can override.
 */
@MessageBundle(value = "platforms", locale = "en")
public interface PlatformMessages {

    @Message
    String category(Category category);

    @Message
    String data_type(DataType dataType);

    @Message
    String data_type_purpose(DataType dataType);

    @Message
    String direction_read();

    @Message
    String direction_write();
}
