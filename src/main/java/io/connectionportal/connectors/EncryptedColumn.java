package io.connectionportal.connectors;

/**
 * A column that holds values encrypted by {@link TokenCipher}, in a table whose key is {@code id}:
 * {@code binding} is the SQL expression of what each value is bound to, e.g.
 * {@code 'connection:' || cast(id as varchar(20)) || ':access'}. The start-up key check and
 * {@link TokenRotation} read and rewrite these columns without knowing the features that own them.
 */
public record EncryptedColumn(String table, String column, String binding) {

    @Override
    public String toString() {
        return table + "." + column;
    }
}
