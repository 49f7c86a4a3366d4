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
    String profile_time_zone();

    @Message
    String profile_time_zone_hint();

    @Message
    String profile_time_zone_likely();

    @Message
    String profile_time_zone_all();

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

    @Message
    String error_time_zone();

    @Message
    String flash_signed_out();

    @Message
    String copy_landing_headline();

    @Message
    String copy_landing_lead();

    @Message
    String copy_testimonial_quote();

    @Message
    String copy_testimonial_author();

    @Message
    String copy_statistic_value();

    @Message
    String copy_statistic_label();

    @Message
    String landing_cta();

    @Message
    String landing_cta_signed_in();

    @Message
    String landing_cta_note();

    @Message
    String landing_how_title();

    @Message
    String landing_step1_title();

    @Message
    String landing_step1_text();

    @Message
    String landing_step2_title();

    @Message
    String landing_step2_text();

    @Message
    String landing_step3_title();

    @Message
    String landing_step3_text();

    @Message
    String landing_proof_title();

    @Message
    String landing_trust_title();

    @Message
    String landing_trust_read_only();

    @Message
    String landing_trust_consent();

    @Message
    String landing_trust_disconnect();

    @Message
    String landing_trust_link();

    @Message
    String landing_faq_link();

    @Message
    String signup_title();

    @Message
    String signup_lead();

    @Message
    String signup_submit();

    @Message
    String signup_privacy_note();

    @Message
    String signup_privacy_link();

    @Message
    String signup_have_account();

    @Message
    String login_title();

    @Message
    String login_submit();

    @Message
    String login_no_account();

    @Message
    String login_trouble();

    @Message
    String login_forgot();

    @Message
    String field_password();

    @Message
    String field_password_hint();

    @Message
    String field_company_name();

    @Message
    String error_email_taken();

    @Message
    String error_password_required();

    @Message
    String error_password_short(int min);

    @Message
    String error_password_long(int max);

    @Message
    String error_new_password_required();

    @Message
    String error_password_common();

    @Message
    String error_password_personal(String product);

    @Message
    String error_company_required();

    @Message
    String error_company_too_long(int max);

    @Message
    String error_login_failed();

    @Message
    String error_too_many_attempts(int minutes);

    @Message
    String mail_greeting_subject(String product);

    @Message
    String mail_greeting_title(String company);

    @Message
    String mail_greeting_intro(String product);

    @Message
    String mail_step1_title();

    @Message
    String mail_step1_text();

    @Message
    String mail_step2_title();

    @Message
    String mail_step2_text();

    @Message
    String mail_step3_title();

    @Message
    String mail_step3_text();

    @Message
    String mail_cta();

    @Message
    String mail_reassurance();

    @Message
    String mail_help(String phone, String email);

    @Message
    String forgot_title();

    @Message
    String forgot_lead();

    @Message
    String forgot_submit();

    @Message
    String forgot_back();

    @Message
    String forgot_sent_title();

    @Message
    String forgot_sent_lead(String minutes);

    @Message
    String forgot_sent_nothing();

    @Message
    String forgot_again();

    @Message
    String field_new_password();

    @Message
    String reset_title();

    @Message
    String reset_lead();

    @Message
    String reset_submit();

    @Message
    String reset_invalid_title();

    @Message
    String reset_invalid_lead(String minutes);

    @Message
    String flash_password_reset();

    @Message
    String mail_reset_subject(String product);

    @Message
    String mail_reset_intro(String product);

    @Message
    String mail_reset_cta();

    @Message
    String mail_reset_validity(String minutes);

    @Message
    String mail_reset_ignore();

    @Message
    String profile_signed_up_as(String name);

    @Message
    String error_legal_name_invalid();

    @Message
    String landing_shot_search();

    @Message
    String landing_shot_consent();

    @Message
    String landing_shot_button();

    @Message
    String landing_shot_caption();
}
