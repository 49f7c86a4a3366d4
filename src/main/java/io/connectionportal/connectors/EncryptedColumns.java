package io.connectionportal.connectors;

import java.util.List;

import io.connectionportal.connectors.TokenCipher.UndecryptableTokenException;

/**
 * Implemented by each feature that stores values encrypted by {@link TokenCipher}: names its columns, so the
 * start-up key check and {@link TokenRotation} cover them, and hears of values no configured key opens.
 */
public interface EncryptedColumns {

    List<EncryptedColumn> encryptedColumns();

    /** {@link TokenRotation} met a value of {@code column} in row {@code id} that does not decrypt. */
    default void undecryptable(EncryptedColumn column, long id, UndecryptableTokenException why) {}
}
