package io.connectionportal.audit;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Names of audit event types, beside {@link AuditType}. English in {@code messages/audit_en.properties},
 * French in {@code audit_fr.properties}; templates use {@code audit:audit_type(type)}, which reads
 * {@code audit_type_$CONSTANT} (Qute's rule when a constant contains an underscore).
 */
@MessageBundle(value = "audit", locale = "en")
public interface AuditMessages {

    @Message
    String audit_type(AuditType type);

    @Message
    String activity_title();

    @Message
    String activity_lead();

    @Message
    String activity_company();

    @Message
    String activity_connection(String platform, long id);

    @Message
    String activity_by(String actor);

    @Message
    String activity_by_system();

    @Message
    String activity_by_share_link(String name);

    @Message
    String activity_by_hosted_link();

    @Message
    String activity_categories();

    @Message
    String activity_empty();

    @Message
    String activity_older();

    @Message
    String activity_newest();

    @Message
    String activity_pages_label();

    @Message
    String activity_by_on_request();
}
