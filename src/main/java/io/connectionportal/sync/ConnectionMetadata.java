package io.connectionportal.sync;

import java.util.List;
import java.util.Optional;

/**
 * What identifies a connection's data on the dashboard (M1): the company's legal name and base currency
 * (accounting), and each bank account's name and masked number (banking). Empty until a sync succeeded.
 */
public record ConnectionMetadata(
        Optional<String> legalName, Optional<String> baseCurrency, List<BankAccount> bankAccounts) {

    public record BankAccount(String name, String maskedAccountNumber, String currency) {}

    public static final ConnectionMetadata NONE = new ConnectionMetadata(Optional.empty(), Optional.empty(), List.of());

    public boolean isEmpty() {
        return legalName.isEmpty() && baseCurrency.isEmpty() && bankAccounts.isEmpty();
    }
}
