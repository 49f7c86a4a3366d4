package io.connectionportal.onboarding;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Texts of this feature, in {@code messages/onboarding_en.properties} and {@code onboarding_fr.properties}; templates use {@code onboarding:key}. */
@MessageBundle(value = "onboarding", locale = "en")
public interface OnboardingMessages {

    @Message
    String profile_title();

    @Message
    String profile_lead();

    @Message
    String profile_prefilled(String platform);

    @Message
    String profile_legal_name();

    @Message
    String profile_registration_number();

    @Message
    String profile_registration_hint();

    @Message
    String profile_tax_number();

    @Message
    String profile_address();

    @Message
    String profile_postal_code();

    @Message
    String profile_city();

    @Message
    String profile_country();

    @Message
    String profile_currency();

    @Message
    String profile_currency_hint();

    @Message
    String profile_save();

    @Message
    String flash_profile_saved();

    @Message
    String error_legal_name_required();

    @Message
    String error_currency_format();

    @Message
    String error_field_too_long(int max);
}
