package io.connectionportal.consent;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Texts of this feature, in {@code messages/consent_en.properties} and {@code consent_fr.properties}; templates use {@code consent:key}. */
@MessageBundle(value = "consent", locale = "en")
public interface ConsentMessages {

    @Message
    String flash_consent_recorded();

    @Message
    String flash_nda_accepted();

    @Message
    String copy_value_headline();

    @Message
    String copy_value_received();

    @Message
    String copy_use_accounting();

    @Message
    String copy_use_banking();

    @Message
    String copy_use_commerce();

    @Message
    String copy_next_steps();

    @Message
    String copy_consent_statement();

    @Message
    String error_category_required();

    @Message
    String error_category_unknown();

    @Message
    String error_consent_required();

    @Message
    String value_use_title();

    @Message
    String value_we_read();

    @Message
    String value_privacy_link();

    @Message
    String value_cta_category(String label);

    @Message
    String value_connected();

    @Message
    String value_disconnect_any_time();

    @Message
    String value_more_title();

    @Message
    String value_more_link();

    @Message
    String strength_label();

    @Message
    String strength_text(int connected, int total);

    @Message
    String consent_title();

    @Message
    String consent_lead();

    @Message
    String consent_categories_legend();

    @Message
    String consent_categories_hint();

    @Message
    String consent_reads();

    @Message
    String consent_writes_nothing();

    @Message
    String consent_policy_link(String version);

    @Message
    String consent_never_shared();

    @Message
    String consent_submit();

    @Message
    String consent_all_given();

    @Message
    String consent_history_title();

    @Message
    String consent_history_item(String when, String version);

    @Message
    String consent_history_withdrawn_item(String when, String version);

    @Message
    String consent_history_source(String source);

    @Message
    String consent_source(ConsentSource source);

    @Message
    String consent_back();

    @Message
    String privacy_title();

    @Message
    String privacy_lead();

    @Message
    String privacy_shared_title();

    @Message
    String privacy_shared_intro();

    @Message
    String privacy_col_data();

    @Message
    String privacy_col_direction();

    @Message
    String privacy_col_purpose();

    @Message
    String privacy_nothing_written();

    @Message
    String privacy_who_title();

    @Message
    String privacy_who_you();

    @Message
    String privacy_who_team(String product);

    @Message
    String privacy_who_nobody_else();

    @Message
    String privacy_consent_title();

    @Message
    String privacy_consent_text();

    @Message
    String privacy_withdraw_title();

    @Message
    String privacy_withdraw_text();

    @Message
    String privacy_yours_title();

    @Message
    String privacy_yours_given();

    @Message
    String privacy_yours_not_given();

    @Message
    String privacy_withdraw_link(String label);

    @Message
    String privacy_give_link(String label);

    @Message
    String privacy_sign_in_to_withdraw();

    @Message
    String privacy_history_title();

    @Message
    String privacy_activity_link();

    @Message
    String privacy_delete_account_link();

    @Message
    String privacy_protect_title();

    @Message
    String privacy_protect_tokens();

    @Message
    String privacy_protect_transport();

    @Message
    String privacy_protect_records();

    @Message
    String privacy_nda_title();

    @Message
    String privacy_nda_text();

    @Message
    String privacy_nda_link();

    @Message
    String privacy_help_title();

    @Message
    String privacy_help_text();

    @Message
    String privacy_version(String version);

    @Message
    String nda_title();

    @Message
    String nda_lead(String product);

    @Message
    String nda_text_title(String version);

    @Message
    String nda_clause_parties(String product);

    @Message
    String nda_clause_confidential();

    @Message
    String nda_clause_use();

    @Message
    String nda_clause_exclusions();

    @Message
    String nda_clause_term();

    @Message
    String nda_clause_return();

    @Message
    String nda_clause_law();

    @Message
    String nda_accept_explain(String company);

    @Message
    String nda_accept();

    @Message
    String nda_accepted_on(String when, String version);

    @Message
    String nda_sign_in_to_accept();

    @Message
    String nda_back();

    @Message
    String value_all_platforms();

    @Message
    String value_manage();

    @Message
    String privacy_facts_title();

    @Message
    String privacy_fact_encryption();

    @Message
    String privacy_fact_password();

    @Message
    String privacy_fact_read_only();

    @Message
    String privacy_fact_hosting(String region);

    @Message
    String privacy_fact_reads_logged();

    @Message
    String privacy_fact_erasure();
}
