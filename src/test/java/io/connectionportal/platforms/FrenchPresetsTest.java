package io.connectionportal.platforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * The built-in catalog's presets for Pennylane and Qonto carry their documented endpoints, and ask only for the
 * scopes of the data the portal reads (docs/providers.md lists the sources).
 */
class FrenchPresetsTest {

    private static OAuthPreset preset(String key) throws Exception {
        try (var in = PlatformCatalog.class.getClassLoader().getResourceAsStream(PlatformCatalog.BUILT_IN)) {
            PlatformCatalog catalog = new PlatformCatalog(
                    PlatformCatalog.validate(new ObjectMapper().readValue(in, PlatformCatalog.File.class)));
            return catalog.find(key).orElseThrow().oauth().orElseThrow();
        }
    }

    @Test
    void pennylaneAsksForReadOnlyScopesOfTheLedgerAccountsAndInvoicesItReads() throws Exception {
        OAuthPreset pennylane = preset("pennylane");

        assertEquals(Optional.of("https://app.pennylane.com/oauth/authorize"), pennylane.authorizationUrl());
        assertEquals(Optional.of("https://app.pennylane.com/oauth/token"), pennylane.tokenUrl());
        assertEquals(Optional.of("https://app.pennylane.com/api/external/v2"), pennylane.apiUrl());
        assertEquals(
                "ledger_accounts:readonly customer_invoices:readonly supplier_invoices:readonly",
                pennylane.scopesFor(java.util.List.of(DataType.values())));
        assertTrue(pennylane.pkce());
        assertEquals("client_secret_post", pennylane.clientAuthentication());
        assertFalse(pennylane.dataScopes().containsKey(DataType.FINANCIAL_STATEMENTS), "not read, not asked for");
    }

    @Test
    void qontoAsksForOfflineAccessAndOrganizationReadOnly() throws Exception {
        OAuthPreset qonto = preset("qonto");

        assertEquals(Optional.of("https://oauth.qonto.com/oauth2/auth"), qonto.authorizationUrl());
        assertEquals(Optional.of("https://oauth.qonto.com/oauth2/token"), qonto.tokenUrl());
        assertEquals(Optional.of("https://oauth.qonto.com/oauth2/revoke"), qonto.revocationUrl());
        assertEquals(Optional.of("https://thirdparty.qonto.com/v2"), qonto.apiUrl());
        assertEquals(
                "offline_access organization.read",
                qonto.scopesFor(java.util.List.of(DataType.BANK_ACCOUNTS, DataType.BANK_TRANSACTIONS)));
        assertEquals("offline_access", qonto.scopesFor(java.util.List.of()), "a refresh token whatever is read");
        assertEquals("client_secret_post", qonto.clientAuthentication());
    }
}
