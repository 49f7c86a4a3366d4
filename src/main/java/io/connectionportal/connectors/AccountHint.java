package io.connectionportal.connectors;

/**
 * What the portal can tell a provider about the business that is about to sign in, in OpenID Connect's words:
 * {@code loginHint}, a stable pseudonym of the business, and {@code uiLocales}, the reader's language with the
 * business's country ({@code fr-FR}).
 */
public record AccountHint(String loginHint, String uiLocales) {}
