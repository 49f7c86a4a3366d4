package io.connectionportal.connect;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.connectionportal.connectors.EncryptedColumn;
import io.connectionportal.connectors.EncryptedColumns;

/**
 * The values this feature encrypts: share links' tokens ({@link ShareLinks}) and PKCE verifiers
 * ({@link ConnectFlow}), named so that the start-up key check and the token rotation cover them.
 */
@ApplicationScoped
class ConnectSecrets implements EncryptedColumns {

    @Override
    public List<EncryptedColumn> encryptedColumns() {
        return List.of(
                new EncryptedColumn("share_link", "token_enc", "'share-link:' || token_hash"),
                new EncryptedColumn("authorization_attempt", "code_verifier_enc", "'attempt:' || state_hash"),
                new EncryptedColumn("portal_secret", "value_encrypted", "'portal-secret:' || name"));
    }
}
