package io.connectionportal.connectors;

/** An account a grant covers at the provider (a Xero organisation): its id for API calls and its name for people. */
public record ProviderAccount(String id, String name) {}
