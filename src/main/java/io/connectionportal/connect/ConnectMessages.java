package io.connectionportal.connect;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Texts of the connect journey: picker, platform page, callback, share links, colleague page. English in
 * {@code messages/connect_en.properties}, French in {@code connect_fr.properties}; templates use {@code connect:key}.
 * The management pages reuse a few (status badges, "connect another"); what only they say is in {@code manage}.
 */
@MessageBundle(value = "connect", locale = "en")
public interface ConnectMessages {

    @Message
    String picker_title();

    @Message
    String picker_cancelled(String name);

    @Message
    String picker_what_happens_title();

    @Message
    String picker_search_label();

    @Message
    String picker_search_submit();

    @Message
    String picker_found(int count);

    @Message
    String picker_categories_label();

    @Message
    String picker_all_categories();

    @Message
    String picker_optional();

    @Message
    String picker_add_another();

    @Message
    String picker_one_accounting();

    @Message
    String picker_nothing_found(String query);

    @Message
    String picker_cant_find_title();

    @Message
    String picker_upload_instead();

    @Message
    String picker_request_integration();

    @Message
    String picker_ask_colleague();

    @Message
    String status_connected();

    @Message
    String status_pending();

    @Message
    String badge_sandbox();

    @Message
    String platform_title(String name);

    @Message
    String platform_sandbox_explained(String name);

    @Message
    String platform_already_connected(String name);

    @Message
    String platform_blocked_by(String name);

    @Message
    String platform_happens_1(String name);

    @Message
    String platform_happens_2(String name);

    @Message
    String platform_happens_3();

    @Message
    String platform_shared_title();

    @Message
    String platform_access_title();

    @Message
    String platform_not_read(String name);

    @Message
    String platform_never_password(String name);

    @Message
    String platform_consent_given();

    @Message
    String platform_continue(String name);

    @Message
    String platform_back();

    @Message
    String connect_error_one_accounting();

    @Message
    String connect_error_shop_required();

    @Message
    String callback_failed_title();

    @Message
    String callback_unreachable(String name);

    @Message
    String callback_provider_error();

    @Message
    String callback_issuer_mismatch();

    @Message
    String callback_issuer_missing();

    @Message
    String callback_expired();

    @Message
    String callback_foreign();

    @Message
    String callback_invalid_state();

    @Message
    String callback_nothing_saved();

    @Message
    String callback_try_again();

    @Message
    String connected_title(String name);

    @Message
    String connected_lead();

    @Message
    String connected_lead_not_read(String name);

    @Message
    String connected_another();

    @Message
    String connected_go_connections();

    @Message
    String share_title();

    @Message
    String share_lead();

    @Message
    String share_step_1();

    @Message
    String share_step_2();

    @Message
    String share_step_3();

    @Message
    String share_colleague_label();

    @Message
    String share_colleague_hint();

    @Message
    String share_create();

    @Message
    String share_consent_first();

    @Message
    String share_consent_link();

    @Message
    String share_links_title();

    @Message
    String share_link_unnamed();

    @Message
    String share_used_by(String name, String when);

    @Message
    String share_expired();

    @Message
    String share_valid_until(String when);

    @Message
    String share_link_title();

    @Message
    String share_link_lead(String when);

    @Message
    String share_link_label();

    @Message
    String share_link_hint();

    @Message
    String share_copy();

    @Message
    String share_copied();

    @Message
    String share_email();

    @Message
    String share_single_use();

    @Message
    String share_back();

    @Message
    String share_cancel();

    @Message
    String share_mail_subject(String company);

    @Message
    String share_mail_body(String company, String product, String url);

    @Message
    String share_error_colleague_long(int max);

    @Message
    String share_error_consent_first();

    @Message
    String share_error_name_required();

    @Message
    String share_error_name_long(int max);

    @Message
    String share_error_platform_required();

    @Message
    String colleague_title(String company);

    @Message
    String colleague_lead(String company, String product);

    @Message
    String colleague_step_1();

    @Message
    String colleague_step_2();

    @Message
    String colleague_step_3(String company);

    @Message
    String colleague_name_label();

    @Message
    String colleague_name_hint();

    @Message
    String colleague_platform_label();

    @Message
    String colleague_platform_choose();

    @Message
    String colleague_single_use(String when);

    @Message
    String colleague_continue();

    @Message
    String colleague_reassurance();

    @Message
    String colleague_gone_title();

    @Message
    String colleague_gone_used();

    @Message
    String colleague_gone_expired();

    @Message
    String colleague_gone_next();

    @Message
    String colleague_done_title();

    @Message
    String colleague_done_text(String name);

    @Message
    String colleague_cancelled_title();

    @Message
    String colleague_cancelled_text();

    @Message
    String colleague_done_close();

    @Message
    String colleague_nothing_to_connect(String company);

    @Message
    String flash_reconnected();

    @Message
    String flash_reconnect_cancelled();

    @Message
    String hosted_title(String company);

    @Message
    String hosted_lead(String product);

    @Message
    String hosted_step_1();

    @Message
    String hosted_step_1_platform(String name);

    @Message
    String hosted_step_2();

    @Message
    String hosted_step_3(String product);

    @Message
    String hosted_categories();

    @Message
    String hosted_start();

    @Message
    String hosted_single_use(String when);

    @Message
    String hosted_reassurance();

    @Message
    String hosted_gone_title();

    @Message
    String hosted_gone_used();

    @Message
    String hosted_gone_expired();

    @Message
    String hosted_gone_next(String product);

    @Message
    String hosted_back(String product);

    @Message
    String hosted_done_title();

    @Message
    String hosted_done_text(String name, String product);

    @Message
    String hosted_keep_title();

    @Message
    String hosted_keep_lead();

    @Message
    String hosted_keep_submit(String product);

    @Message
    String hosted_leave(String product);

    @Message
    String callback_no_account(String name);

    @Message
    String organisation_title(String platform);

    @Message
    String organisation_lead(String platform);

    @Message
    String organisation_legend();

    @Message
    String organisation_later();

    @Message
    String organisation_submit();

    @Message
    String organisation_required();

    @Message
    String flash_organisation_chosen();

    @Message
    String shop_label();

    @Message
    String shop_hint(String host);

    @Message
    String shop_error_required();

    @Message
    String shop_error_invalid();

    @Message
    String picker_popular_in(String country);

    @Message
    String picker_popular();

    @Message
    String picker_sandbox_notice();

    @Message
    String platform_agree_continue(String name);

    @Message
    String connected_check_profile();

    @Message
    String colleague_gone_cancelled();

    @Message
    String colleague_gone_next_named(String company);

    @Message
    String colleague_cancelled_text_named(String company);

    @Message
    String colleague_try_again();

    @Message
    String colleague_done_text_named(String name, String company);

    @Message
    String colleague_done_generic();

    @Message
    String share_cancelled();

    @Message
    String share_cancelled_lead();
}
