package io.connectionportal.connect;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Texts of this feature, in {@code messages/connect_en.properties} and {@code connect_fr.properties}; templates use {@code connect:key}. */
@MessageBundle(value = "connect", locale = "en")
public interface ConnectMessages {

    @Message
    String picker_title();

    @Message
    String picker_step();

    @Message
    String picker_cancelled(String name);

    @Message
    String picker_what_happens_title();

    @Message
    String picker_what_happens_1();

    @Message
    String picker_what_happens_2();

    @Message
    String picker_what_happens_3();

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
    String platform_step();

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
    String callback_failed_title();

    @Message
    String callback_unreachable(String name);

    @Message
    String callback_provider_error();

    @Message
    String callback_issuer_mismatch();

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
    String connected_another();

    @Message
    String connected_go_connections();

    @Message
    String status_reauth();

    @Message
    String status_deauthorized();

    @Message
    String dashboard_title();

    @Message
    String dashboard_linked_at();

    @Message
    String dashboard_connected_by();

    @Message
    String dashboard_via_share_link();

    @Message
    String dashboard_empty();

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
    String status_revocation_pending();

    @Message
    String manage_back();

    @Message
    String manage_category();

    @Message
    String manage_status();

    @Message
    String manage_started_at();

    @Message
    String manage_pending_text(String name);

    @Message
    String manage_reauth_text(String name);

    @Message
    String manage_deauthorized_text(String name);

    @Message
    String manage_revocation_pending_text(String name);

    @Message
    String manage_revoked_text(String name, String when);

    @Message
    String manage_actions_title();

    @Message
    String manage_deauthorize();

    @Message
    String manage_deauthorize_hint(String name);

    @Message
    String manage_reconnect(String name);

    @Message
    String manage_reconnect_hint(String name);

    @Message
    String manage_delete();

    @Message
    String manage_delete_hint();

    @Message
    String manage_audit_title();

    @Message
    String manage_audit_lead();

    @Message
    String manage_audit_empty();

    @Message
    String manage_audit_by(String actor);

    @Message
    String manage_audit_by_system();

    @Message
    String manage_audit_by_share_link(String name);

    @Message
    String manage_audit_categories();

    @Message
    String audit_type(io.connectionportal.audit.AuditType type);

    @Message
    String deauthorize_title(String name);

    @Message
    String deauthorize_lead(String name);

    @Message
    String confirm_stops_title();

    @Message
    String deauthorize_stops_updates(String name);

    @Message
    String deauthorize_stops_lender(String product, String name);

    @Message
    String deauthorize_stops_access(String name);

    @Message
    String confirm_data_title();

    @Message
    String deauthorize_data_kept(String product);

    @Message
    String deauthorize_data_delete_later();

    @Message
    String deauthorize_data_reconnect();

    @Message
    String deauthorize_confirm();

    @Message
    String confirm_cancel();

    @Message
    String delete_title(String name);

    @Message
    String delete_lead();

    @Message
    String delete_stops_access(String name);

    @Message
    String delete_stops_lender(String product, String name);

    @Message
    String delete_data_erased(String name);

    @Message
    String delete_data_audit();

    @Message
    String delete_data_again(String name);

    @Message
    String delete_confirm();

    @Message
    String reconnect_error_unavailable(String name);

    @Message
    String flash_deauthorized();

    @Message
    String flash_deleted();

    @Message
    String flash_deleted_revocation_pending();

    @Message
    String flash_reconnected();

    @Message
    String flash_reconnect_cancelled();

    @Message
    String sync_title();

    @Message
    String sync_first();

    @Message
    String sync_last();

    @Message
    String sync_next();

    @Message
    String sync_never();

    @Message
    String sync_refresh();

    @Message
    String sync_history_title();

    @Message
    String sync_col_started();

    @Message
    String sync_col_trigger();

    @Message
    String sync_col_outcome();

    @Message
    String sync_col_records();

    @Message
    String sync_no_history();

    @Message
    String sync_syncing(String name);

    @Message
    String sync_trigger(io.connectionportal.sync.Trigger trigger);

    @Message
    String sync_outcome(io.connectionportal.sync.SyncOutcome outcome);

    @Message
    String dashboard_syncing();

    @Message
    String dashboard_legal_name();

    @Message
    String dashboard_currency();

    @Message
    String dashboard_bank_account();

    @Message
    String dashboard_files_title();

    @Message
    String dashboard_no_files();

    @Message
    String dashboard_details(String name);

    @Message
    String dashboard_export_title();

    @Message
    String dashboard_export_lead();

    @Message
    String dashboard_export_json();

    @Message
    String dashboard_export_csv(String type);
}
