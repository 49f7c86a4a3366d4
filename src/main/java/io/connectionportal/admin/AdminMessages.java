package io.connectionportal.admin;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

import io.connectionportal.api.RedirectAllowList;
import io.connectionportal.connections.ConnectionStatus;
import io.connectionportal.consent.ConsentRecord;

/**
 * Texts of the back office. English in {@code messages/admin_en.properties}, French in
 * {@code messages/admin_fr.properties}; templates use them as {@code admin:key}.
 */
@MessageBundle(value = "admin", locale = "en")
public interface AdminMessages {

    @Message
    String nav_admin();

    @Message
    String nav_label();

    @Message
    String nav_companies();

    @Message
    String nav_api_keys();

    @Message
    String nav_webhooks();

    @Message
    String nav_redirects();

    @Message
    String forbidden_title();

    @Message
    String forbidden_text();

    @Message
    String forbidden_back();

    @Message
    String back_office_title();

    @Message
    String back_office_text();

    @Message
    String back_office_link();

    @Message
    String none();

    @Message
    String never();

    @Message
    String sandbox();

    @Message
    String pages_label();

    @Message
    String page_older();

    @Message
    String page_newest();

    @Message
    String page_next();

    @Message
    String page_first();

    @Message
    String latest_caption(String caption, int count);

    @Message
    String company_name(String name, Long id);

    @Message
    String company_deleted();

    @Message
    String col_name();

    @Message
    String col_external_ref();

    @Message
    String col_country();

    @Message
    String col_created();

    @Message
    String col_connections();

    @Message
    String col_platform();

    @Message
    String col_status();

    @Message
    String col_linked_at();

    @Message
    String col_data();

    @Message
    String col_when();

    @Message
    String col_consent();

    @Message
    String col_categories();

    @Message
    String col_policy();

    @Message
    String col_started();

    @Message
    String col_trigger();

    @Message
    String col_outcome();

    @Message
    String col_records();

    @Message
    String col_file();

    @Message
    String col_category();

    @Message
    String col_size();

    @Message
    String col_prefix();

    @Message
    String col_last_used();

    @Message
    String col_state();

    @Message
    String col_url();

    @Message
    String col_events();

    @Message
    String col_source();

    @Message
    String col_last_success();

    @Message
    String col_health();

    @Message
    String col_event();

    @Message
    String col_company();

    @Message
    String col_attempts();

    @Message
    String col_last_status();

    @Message
    String col_external_id();

    @Message
    String col_synced_at();

    @Message
    String col_record();

    @Message
    String companies_title();

    @Message
    String companies_lead();

    @Message
    String companies_caption();

    @Message
    String companies_caption_search();

    @Message
    String companies_none();

    @Message
    String companies_none_found();

    @Message
    String connections_linked_of(long linked, long total);

    @Message
    String search_legend();

    @Message
    String search_name();

    @Message
    String search_name_hint();

    @Message
    String search_ref();

    @Message
    String search_ref_hint();

    @Message
    String search_submit();

    @Message
    String search_clear();

    @Message
    String search_too_long(int max);

    @Message
    String back_to_companies();

    @Message
    String company_deleted_text(String when);

    @Message
    String fact_id();

    @Message
    String fact_language();

    @Message
    String sections_label();

    @Message
    String connections_title(int count);

    @Message
    String connections_caption();

    @Message
    String connections_none();

    @Message
    String connection_status(ConnectionStatus status);

    @Message
    String records_count(long count);

    @Message
    String consents_title(long count);

    @Message
    String consents_caption();

    @Message
    String consents_none();

    @Message
    String consent_kind(ConsentRecord.Kind kind);

    @Message
    String activity_title();

    @Message
    String activity_pages_label();

    @Message
    String activity_none();

    @Message
    String activity_company();

    @Message
    String syncs_title();

    @Message
    String syncs_caption();

    @Message
    String syncs_none();

    @Message
    String sync_running();

    @Message
    String uploads_title(long count);

    @Message
    String uploads_caption();

    @Message
    String uploads_none();

    @Message
    String size_bytes(long size);

    @Message
    String integration_requests_title(long count);

    @Message
    String integration_requests_none();

    @Message
    String support_title(long count);

    @Message
    String support_none();

    @Message
    String back_to_company(String name);

    @Message
    String data_title(String type, String platform);

    @Message
    String data_lead(String company);

    @Message
    String data_caption(int count);

    @Message
    String data_none();

    @Message
    String data_show_record();

    @Message
    String keys_title();

    @Message
    String keys_lead();

    @Message
    String keys_create();

    @Message
    String keys_caption();

    @Message
    String keys_none();

    @Message
    String key_revoked_at(String when);

    @Message
    String key_revoke_link(String name);

    @Message
    String back_to_keys();

    @Message
    String key_create_title();

    @Message
    String key_create_lead();

    @Message
    String key_field_name();

    @Message
    String key_field_name_hint();

    @Message
    String key_create_submit();

    @Message
    String key_error_name_required();

    @Message
    String key_error_name_invalid(int max);

    @Message
    String key_created_title();

    @Message
    String key_created_once(String name);

    @Message
    String key_created_label();

    @Message
    String key_created_use();

    @Message
    String key_gone_title();

    @Message
    String key_gone_text();

    @Message
    String key_revoke_title(String name);

    @Message
    String key_revoke_text();

    @Message
    String key_revoke_submit();

    @Message
    String flash_key_revoked();

    @Message
    String webhooks_title();

    @Message
    String webhooks_lead();

    @Message
    String endpoint_create();

    @Message
    String endpoints_caption();

    @Message
    String endpoints_none();

    @Message
    String events_all();

    @Message
    String source_config();

    @Message
    String source_back_office();

    @Message
    String endpoint_healthy();

    @Message
    String endpoint_failing_since(String when);

    @Message
    String endpoint_disabled_since(String when);

    @Message
    String endpoint_disabled_notice(String name, String when);

    @Message
    String endpoint_enable(String name);

    @Message
    String back_to_webhooks();

    @Message
    String endpoint_create_title();

    @Message
    String endpoint_create_lead();

    @Message
    String endpoint_field_name();

    @Message
    String endpoint_field_name_hint();

    @Message
    String endpoint_field_url();

    @Message
    String endpoint_field_url_hint();

    @Message
    String endpoint_field_events();

    @Message
    String endpoint_field_events_hint();

    @Message
    String endpoint_create_submit();

    @Message
    String endpoint_error_name_required();

    @Message
    String endpoint_error_name_invalid(int max);

    @Message
    String endpoint_error_name_taken();

    @Message
    String endpoint_error_url_required();

    @Message
    String endpoint_error_url_invalid();

    @Message
    String endpoint_error_url_https();

    @Message
    String endpoint_error_url_private();

    @Message
    String endpoint_error_events();

    @Message
    String endpoint_title(String name);

    @Message
    String endpoint_secret();

    @Message
    String endpoint_secret_hint();

    @Message
    String endpoint_secret_configured();

    @Message
    String deliveries_title();

    @Message
    String deliveries_caption();

    @Message
    String deliveries_none();

    @Message
    String delivery_delivered(String when);

    @Message
    String delivery_failed(String when);

    @Message
    String delivery_next(String when);

    @Message
    String delivery_no_answer();

    @Message
    String delivery_replay();

    @Message
    String delivery_replay_label(Long id);

    @Message
    String endpoint_delete_title(String name);

    @Message
    String endpoint_delete_text();

    @Message
    String endpoint_delete_submit();

    @Message
    String flash_endpoint_created();

    @Message
    String flash_endpoint_deleted();

    @Message
    String flash_endpoint_enabled();

    @Message
    String flash_delivery_replayed();

    @Message
    String flash_prefix_added();

    @Message
    String flash_prefix_removed();

    @Message
    String redirects_title();

    @Message
    String redirects_lead();

    @Message
    String redirects_configured_title();

    @Message
    String redirects_configured_text();

    @Message
    String redirects_configured_none();

    @Message
    String redirects_stored_title();

    @Message
    String redirects_stored_caption();

    @Message
    String redirects_stored_none();

    @Message
    String col_prefix_entry();

    @Message
    String col_added_by();

    @Message
    String col_added_at();

    @Message
    String col_action();

    @Message
    String redirect_remove(String prefix);

    @Message
    String redirect_remove_short();

    @Message
    String redirect_add_title();

    @Message
    String redirect_field_prefix();

    @Message
    String redirect_field_prefix_hint();

    @Message
    String redirect_add_submit();

    @Message
    String redirect_error_required();

    @Message
    String redirect_error(RedirectAllowList.Refusal refusal);

    @Message
    String redirect_secret_title();

    @Message
    String redirect_secret_label();

    @Message
    String redirect_secret_hint();

    @Message
    String redirect_secret_configured();

    @Message
    String endpoint_delete_link(String name);

    @Message
    String back_to_endpoint(String name);
}
