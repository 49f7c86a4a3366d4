package io.connectionportal.sandbox;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

import io.connectionportal.platforms.DataType;

/**
 * The sandbox provider's own texts (X1), kept apart from the portal's because its pages belong to a
 * different "website". Texts in {@code messages/sandbox_en.properties} and {@code sandbox_fr.properties};
 * templates use them as {@code sandbox:key}. Enum parameters read {@code method_$CONSTANT} keys.
 */
@MessageBundle(value = "sandbox", locale = "en")
public interface SandboxMessages {

    @Message
    String skip_to_content();

    @Message
    String title_error_prefix();

    @Message
    String banner_title();

    @Message
    String banner_text();

    @Message
    String platform_label(String name);

    @Message
    String provider_generic();

    @Message
    String signin_title(String name);

    @Message
    String signin_lead(String product, String name);

    @Message
    String demo_hint();

    @Message
    String account_company(String company, String country);

    @Message
    String field_email();

    @Message
    String field_password();

    @Message
    String password_hint();

    @Message
    String permissions_title(String product);

    @Message
    String permission(DataType dataType);

    @Message
    String permission_offline();

    @Message
    String read_only();

    @Message
    String allow();

    @Message
    String deny();

    @Message
    String deny_hint(String product);

    @Message
    String error_email_required();

    @Message
    String error_email_format();

    @Message
    String error_decision();

    @Message
    String rejected_title();

    @Message
    String rejected_lead();

    @Message
    String rejected_reason(AuthorizationCheck.Untrusted reason);

    @Message
    String rejected_next();

    @Message
    String footer_text();
}
