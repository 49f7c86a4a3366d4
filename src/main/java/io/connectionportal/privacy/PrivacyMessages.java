package io.connectionportal.privacy;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Texts of the privacy rights pages, in {@code messages/privacy_en.properties} and {@code privacy_fr.properties}. */
@MessageBundle(value = "privacy", locale = "en")
public interface PrivacyMessages {

    @Message
    String flash_consent_withdrawn();

    @Message
    String flash_consent_withdrawn_revocation_pending();

    @Message
    String flash_account_deleted();

    @Message
    String withdraw_title(String label);

    @Message
    String withdraw_lead();

    @Message
    String withdraw_stops_title();

    @Message
    String withdraw_stops_reading(String label);

    @Message
    String withdraw_stops_connections();

    @Message
    String withdraw_stops_no_connection(String label);

    @Message
    String withdraw_stops_new(String label);

    @Message
    String withdraw_data_title();

    @Message
    String withdraw_data_kept();

    @Message
    String withdraw_confirm();

    @Message
    String withdraw_cancel();

    @Message
    String delete_title(String company);

    @Message
    String delete_lead();

    @Message
    String delete_export_link();

    @Message
    String delete_stops_title();

    @Message
    String delete_stops_connections();

    @Message
    String delete_stops_no_connection();

    @Message
    String delete_stops_sign_in(String company);

    @Message
    String delete_erased_title();

    @Message
    String delete_erased_data();

    @Message
    String delete_erased_files(int count);

    @Message
    String delete_erased_links();

    @Message
    String delete_erased_accounts(int count, String company);

    @Message
    String delete_kept_title();

    @Message
    String delete_kept_proof(long years);

    @Message
    String delete_agree();

    @Message
    String delete_confirm();

    @Message
    String delete_cancel();

    @Message
    String delete_owner_only_title();

    @Message
    String delete_owner_only_text(String company);

    @Message
    String error_agree_required();

    @Message
    String account_privacy_title();

    @Message
    String account_activity_link();

    @Message
    String account_consents_link();

    @Message
    String account_delete_link();
}
