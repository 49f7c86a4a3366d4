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
}
