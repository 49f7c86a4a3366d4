package io.connectionportal.shared;

import io.connectionportal.platforms.Category;
import io.connectionportal.platforms.DataType;
import io.connectionportal.support.SupportTopic;
import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every user-facing string, type-safe (X1). The texts live in {@code messages/msg_en.properties}
 * (the default) and {@code messages/msg_fr.properties}; templates use them as {@code msg:key}.
 * A method taking an enum reads the key {@code method_CONSTANT}, or {@code method_$CONSTANT} for
 * every constant when any constant of that enum contains an underscore (Qute's rule).
 */
@MessageBundle(locale = "en")
public interface Messages {

    @Message
    String skip_to_content();

    @Message
    String title_error_prefix();

    @Message
    String nav_label();

    @Message
    String nav_connect();

    @Message
    String nav_privacy();

    @Message
    String nav_help();

    @Message
    String nav_faq();

    @Message
    String nav_sign_in();

    @Message
    String nav_sign_out();

    @Message
    String nav_get_started();

    @Message
    String footer_help_title();

    @Message
    String footer_call();

    @Message
    String footer_email();

    @Message
    String footer_or();

    @Message
    String footer_send_request();

    @Message
    String footer_links_label();

    @Message
    String footer_nda();

    @Message
    String language_label();

    @Message
    String powered_by(String name);

    @Message
    String flash_signed_out();

    @Message
    String flash_consent_recorded();

    @Message
    String flash_nda_accepted();

    @Message
    String flash_support_sent();

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
    String copy_trust_statistic_value();

    @Message
    String copy_trust_statistic_label();

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
    String signup_step();

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
    String field_email();

    @Message
    String field_password();

    @Message
    String field_password_hint();

    @Message
    String field_company_name();

    @Message
    String field_name();

    @Message
    String field_topic();

    @Message
    String field_topic_choose();

    @Message
    String field_message();

    @Message
    String field_message_hint();

    @Message
    String error_summary_title();

    @Message
    String error_prefix();

    @Message
    String error_email_required();

    @Message
    String error_email_format();

    @Message
    String error_email_too_long();

    @Message
    String error_email_taken();

    @Message
    String error_password_required();

    @Message
    String error_password_short(int min);

    @Message
    String error_password_long();

    @Message
    String error_company_required();

    @Message
    String error_company_too_long(int max);

    @Message
    String error_login_failed();

    @Message
    String error_category_required();

    @Message
    String error_category_unknown();

    @Message
    String error_consent_required();

    @Message
    String error_name_required();

    @Message
    String error_name_too_long(int max);

    @Message
    String error_topic_required();

    @Message
    String error_message_required();

    @Message
    String error_message_too_long(int max);

    @Message
    String error_form_expired_title();

    @Message
    String error_form_expired_text();

    @Message
    String error_not_found_title();

    @Message
    String error_not_found_text();

    @Message
    String error_home_link();

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

    @Message
    String value_step();

    @Message
    String value_received_title();

    @Message
    String value_use_title();

    @Message
    String value_we_read();

    @Message
    String value_consented();

    @Message
    String value_privacy_link();

    @Message
    String value_next_title();

    @Message
    String value_next_step1();

    @Message
    String value_next_step2();

    @Message
    String value_next_step3();

    @Message
    String value_cta_consent();

    @Message
    String value_all_consented();

    @Message
    String value_cta_connect();

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
    String consent_step();

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
    String faq_title();

    @Message
    String faq_lead();

    @Message
    String faq_q_shared();

    @Message
    String faq_a_shared();

    @Message
    String faq_a_shared_link();

    @Message
    String faq_q_who();

    @Message
    String faq_a_who(String product);

    @Message
    String faq_q_password();

    @Message
    String faq_a_password();

    @Message
    String faq_q_disconnect();

    @Message
    String faq_a_disconnect();

    @Message
    String faq_q_accountant();

    @Message
    String faq_a_accountant();

    @Message
    String faq_q_not_listed();

    @Message
    String faq_a_not_listed();

    @Message
    String faq_q_safe();

    @Message
    String faq_a_safe();

    @Message
    String faq_q_why();

    @Message
    String faq_a_why();

    @Message
    String faq_more();

    @Message
    String support_title();

    @Message
    String support_lead();

    @Message
    String support_phone_title();

    @Message
    String support_email_title();

    @Message
    String support_form_title();

    @Message
    String support_submit();

    @Message
    String support_topic(SupportTopic supportTopic);

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
    String mail_support_subject(String product, Long id, String topic);

    @Message
    String mail_support_intro(Long id);

    @Message
    String mail_support_from();

    @Message
    String mail_support_company();

    @Message
    String mail_support_topic();

    @Message
    String mail_support_page();

    @Message
    String nav_connections();
}
