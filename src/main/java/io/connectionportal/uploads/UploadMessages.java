package io.connectionportal.uploads;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Texts of the unhappy path (S5): sending files instead of connecting, and asking for a platform
 * that is not offered. English in {@code messages/uploads_en.properties}, French in
 * {@code messages/uploads_fr.properties}; templates use them as {@code uploads:key}, Java code
 * through {@link UploadTexts}.
 */
@MessageBundle(value = "uploads", locale = "en")
public interface UploadMessages {

    @Message
    String flash_upload_received();

    @Message
    String flash_integration_requested();

    @Message
    String upload_title();

    @Message
    String upload_lead();

    @Message
    String upload_what_title();

    @Message
    String upload_what_accounting();

    @Message
    String upload_what_banking();

    @Message
    String upload_what_commerce();

    @Message
    String upload_form_title();

    @Message
    String upload_field_file();

    @Message
    String upload_field_file_hint(String limit);

    @Message
    String upload_field_file_again();

    @Message
    String upload_field_category();

    @Message
    String upload_field_category_hint();

    @Message
    String upload_field_category_none();

    @Message
    String upload_field_note();

    @Message
    String upload_field_note_hint(int max);

    @Message
    String upload_submit();

    @Message
    String upload_private();

    @Message
    String upload_list_title();

    @Message
    String upload_list_empty();

    @Message
    String upload_col_file();

    @Message
    String upload_col_type();

    @Message
    String upload_col_size();

    @Message
    String upload_col_by();

    @Message
    String upload_col_when();

    @Message
    String upload_download();

    @Message
    String upload_request_title();

    @Message
    String upload_request_text();

    @Message
    String upload_request_link();

    @Message
    String upload_back();

    @Message
    String type(UploadType type);

    @Message
    String size_bytes(String n);

    @Message
    String size_kb(String n);

    @Message
    String size_mb(String n);

    @Message
    String error_file_required();

    @Message
    String error_file_empty();

    @Message
    String error_file_too_large(String limit);

    @Message
    String error_quota_reached(long files, String size);

    @Message
    String error_file_type();

    @Message
    String error_category_unknown();

    @Message
    String error_note_too_long(int max);

    @Message
    String request_title();

    @Message
    String request_lead();

    @Message
    String request_field_name();

    @Message
    String request_field_name_hint();

    @Message
    String request_field_website();

    @Message
    String request_field_website_hint();

    @Message
    String request_field_category();

    @Message
    String request_field_note();

    @Message
    String request_field_note_hint(int max);

    @Message
    String request_submit();

    @Message
    String request_list_title();

    @Message
    String request_list_empty();

    @Message
    String request_item_meta(String when, String who);

    @Message
    String request_upload_title();

    @Message
    String request_upload_text();

    @Message
    String request_upload_link();

    @Message
    String error_name_required();

    @Message
    String error_name_too_long(int max);

    @Message
    String error_website_format();

    @Message
    String error_website_too_long(int max);
}
