package io.connectionportal.sync;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Names of sync triggers and outcomes, beside their enums. English in {@code messages/sync_en.properties},
 * French in {@code sync_fr.properties}; templates use {@code sync:key}.
 */
@MessageBundle(value = "sync", locale = "en")
public interface SyncMessages {

    @Message
    String sync_trigger(Trigger trigger);

    @Message
    String sync_outcome(SyncOutcome outcome);
}
