package io.connectionportal.support;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Texts of the FAQ, the support page and the support e-mail. English in {@code messages/support_en.properties},
 * French in {@code support_fr.properties}; templates use {@code support:key}. {@link #support_topic} reads
 * {@code support_topic_$CONSTANT}: Qute's rule for an enum with an underscore in a constant.
 */
@MessageBundle(value = "support", locale = "en")
public interface SupportMessages {

    @Message
    String flash_support_sent();

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
}
