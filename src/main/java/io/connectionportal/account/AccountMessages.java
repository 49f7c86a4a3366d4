package io.connectionportal.account;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Texts of the account pages, in {@code messages/account_en.properties} and {@code account_fr.properties}. */
@MessageBundle(value = "account", locale = "en")
public interface AccountMessages {

    @Message
    String nav_account();

    @Message
    String account_title();

    @Message
    String account_signed_in_as(String email, String company);

    @Message
    String sessions_heading();

    @Message
    String sessions_open(long count);

    @Message
    String sessions_lead();

    @Message
    String sign_out_everywhere();

    @Message
    String flash_signed_out_everywhere();

    @Message
    String confirm_title();

    @Message
    String confirm_lead(String minutes);

    @Message
    String confirm_submit();

    @Message
    String confirm_cancel();

    @Message
    String error_password_required();

    @Message
    String error_password_wrong();

    @Message
    String error_too_many_attempts(int minutes);

    @Message
    String password_heading();

    @Message
    String password_lead();

    @Message
    String password_change_link();

    @Message
    String change_title();

    @Message
    String change_lead();

    @Message
    String change_submit();

    @Message
    String flash_password_changed();

    @Message
    String flash_account_kept();

    @Message
    String account_through_link(String company, String product);

    @Message
    String keep_heading();

    @Message
    String keep_lead();

    @Message
    String keep_submit();
}
