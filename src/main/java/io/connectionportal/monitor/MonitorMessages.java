package io.connectionportal.monitor;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

import io.connectionportal.monitor.Figures.Stage;

/**
 * Texts of the auth-flow monitor. English in {@code messages/monitor_en.properties}, French in
 * {@code messages/monitor_fr.properties}; templates use them as {@code monitor:key}.
 */
@MessageBundle(value = "monitor", locale = "en")
public interface MonitorMessages {

    @Message
    String nav_monitor();

    @Message
    String title();

    @Message
    String lead();

    @Message
    String filter_legend();

    @Message
    String filter_from();

    @Message
    String filter_to();

    @Message
    String filter_hint();

    @Message
    String filter_submit();

    @Message
    String filter_period(String from, String to);

    @Message
    String error_from();

    @Message
    String error_to();

    @Message
    String error_order();

    @Message
    String export_csv(String table);

    @Message
    String no_data();

    @Message
    String not_applicable();

    @Message
    String companies_title();

    @Message
    String companies_lead();

    @Message
    String companies_caption();

    @Message
    String col_measure();

    @Message
    String col_companies();

    @Message
    String col_share();

    @Message
    String companies_signed_up();

    @Message
    String companies_authorized();

    @Message
    String companies_uploaded();

    @Message
    String funnel_title();

    @Message
    String funnel_lead();

    @Message
    String funnel_caption();

    @Message
    String col_step();

    @Message
    String col_events();

    @Message
    String col_of_started();

    @Message
    String col_drop_off();

    @Message
    String col_drop_off_rate();

    @Message
    String stage(Stage stage);

    @Message
    String categories_caption();

    @Message
    String categories_note();

    @Message
    String col_category();

    @Message
    String col_started();

    @Message
    String col_began();

    @Message
    String col_completed();

    @Message
    String col_cancelled();

    @Message
    String col_failed();

    @Message
    String col_completion_rate();

    @Message
    String weekly_title();

    @Message
    String weekly_lead(String from, String to);

    @Message
    String weekly_caption();

    @Message
    String col_week();

    @Message
    String chart_title();

    @Message
    String chart_desc(String from, String to);

    @Message
    String platforms_title();

    @Message
    String platforms_caption();

    @Message
    String platforms_empty();

    @Message
    String col_platform();

    @Message
    String forbidden_title();

    @Message
    String forbidden_text();

    @Message
    String forbidden_back();
}
