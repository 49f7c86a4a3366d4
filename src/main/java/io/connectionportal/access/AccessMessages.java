package io.connectionportal.access;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Texts of this feature, in {@code messages/access_en.properties} and {@code access_fr.properties}; templates use {@code access:key}. */
@MessageBundle(value = "access", locale = "en")
public interface AccessMessages {

    @Message
    String banner_label();

    @Message
    String banner_text(String name);

    @Message
    String reconnect(String name);

    @Message
    String access_ends();

    @Message
    String renewal_text(String name, String when);

    @Message
    String mail_broken_subject(String name, String product);

    @Message
    String mail_broken_intro(String name, String product);

    @Message
    String mail_broken_why(String name);

    @Message
    String mail_action(String name);

    @Message
    String mail_broken_once(String product);

    @Message
    String mail_ending_subject(String name);

    @Message
    String mail_ending_intro(String name, String product, String when);

    @Message
    String mail_ending_once();

    @Message
    String mail_help(String phone, String email);
}
