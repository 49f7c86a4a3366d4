package io.connectionportal.shared;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Texts of the page frame and of what every form shares (X1): navigation, footer, language, error
 * pages, the error summary and e-mail checks. Features keep their own texts in their own bundles.
 * English in {@code messages/msg_en.properties} (the default bundle), French in {@code msg_fr.properties};
 * templates use them as {@code msg:key}.
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
    String nav_connections();

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
    String field_email();

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
    String error_unavailable_title();

    @Message
    String error_unavailable_text();

    @Message
    String steps_label();

    @Message
    String step_done();

    @Message
    String step_account();

    @Message
    String step_platform();

    @Message
    String step_approve();

    @Message
    String step_of(int number, int total);

    @Message
    String date_just_now();

    @Message
    String date_minutes_ago(int minutes);

    @Message
    String date_today_at(String time);

    @Message
    String date_yesterday_at(String time);

    @Message
    String date_tomorrow_at(String time);

    @Message
    String date_in_zone(String date, String zone);

    @Message
    String dates_zone_note(String zone, String id);

    @Message
    String field_from(String source);

    @Message
    String nav_menu();

    @Message
    String meta_description(String product);

    @Message
    String colon();
}
