package io.connectionportal.manage;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Texts of this feature, in {@code messages/manage_en.properties} and {@code manage_fr.properties}; templates use {@code manage:key}. */
@MessageBundle(value = "manage", locale = "en")
public interface ManageMessages {

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
    String status_revocation_pending();

    @Message
    String manage_back();

    @Message
    String manage_category();

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
    String manage_revocation_impossible_text(String name);

    @Message
    String manage_revoked_text(String name, String when);

    @Message
    String manage_revocation_refused_access_text(String name, String when);

    @Message
    String manage_revocation_refused_access_unknown_text(String name);

    @Message
    String manage_revocation_refused_grant_text(String name);

    @Message
    String manage_revocation_no_endpoint_text(String name);

    @Message
    String manage_access_ends_text(String name, String when);

    @Message
    String manage_not_read_text(String name);

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
    String manage_audit_more(int count);

    @Message
    String manage_audit_by(String actor);

    @Message
    String manage_audit_by_system();

    @Message
    String manage_audit_by_share_link(String name);

    @Message
    String manage_audit_by_hosted_link();

    @Message
    String manage_audit_categories();

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
    String delete_data_audit_link();

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
    String flash_deauthorized_revocation_impossible();

    @Message
    String flash_deleted_revocation_impossible();

    @Message
    String flash_deleted_revocation_refused();

    @Message
    String sync_syncing(String name);

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
    String dashboard_syncing();

    @Message
    String dashboard_legal_name();

    @Message
    String dashboard_currency();

    @Message
    String dashboard_bank_account();

    @Message
    String dashboard_details(String name);

    @Message
    String dashboard_files_title();

    @Message
    String dashboard_no_files();

    @Message
    String dashboard_export_title();

    @Message
    String dashboard_export_lead();

    @Message
    String dashboard_export_json();

    @Message
    String dashboard_export_csv(String type);

    @Message
    String dashboard_activity_link();

    @Message
    String reads_title();

    @Message
    String reads_lead(String product);

    @Message
    String reads_api(String product, String key, String type, String platform, String when);

    @Message
    String reads_staff(String product, String email, String type, String platform, String when);

    @Message
    String reads_none(String product);

    @Message
    String reads_connection_none(String product, String platform);

    @Message
    String reads_all_link();

    @Message
    String reads_page_more(int shown);

    @Message
    String manage_organisation();

    @Message
    String manage_organisation_choose();

    @Message
    String manage_organisation_missing();

    @Message
    String dashboard_company_link();

    @Message
    String dashboard_connect_first();

    @Message
    String dashboard_connect_another();

    @Message
    String dashboard_refresh();

    @Message
    String dashboard_refresh_label(String name);

    @Message
    String dashboard_disconnect_label(String name);

    @Message
    String dashboard_finish();

    @Message
    String dashboard_finish_label(String name);

    @Message
    String dashboard_reconnect();

    @Message
    String dashboard_reconnect_label(String name);

    @Message
    String dashboard_pending_started();

    @Message
    String dashboard_export_empty();

    @Message
    String dashboard_actions_label(String name);

    @Message
    String manage_audit_on_request();

    @Message
    String manage_finish(String name);

    @Message
    String manage_finish_hint(String name);

    @Message
    String manage_danger_title();

    @Message
    String manage_data_title();

    @Message
    String manage_status_title();
}
