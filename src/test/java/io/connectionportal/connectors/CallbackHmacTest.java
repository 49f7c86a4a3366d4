package io.connectionportal.connectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Shopify's callback signature, against the example published with Shopify's OAuth documentation. */
class CallbackHmacTest {

    /** Shopify's documented example: secret "hush" and this query give this hmac. */
    private static Map<String, String> documentedExample() {
        Map<String, String> query = new HashMap<>();
        query.put("code", "0907a61c0c8d55e99db179b68161bc00");
        query.put("shop", "some-shop.myshopify.com");
        query.put("state", "0.6784241404160823");
        query.put("timestamp", "1337178173");
        query.put("hmac", "700e2dadb827fcc8609e9d5ce208b2e9cdaab9df07390d2cbca10d7c328fc4bf");
        return query;
    }

    @Test
    void theDocumentedExampleHolds() {
        assertEquals(
                "code=0907a61c0c8d55e99db179b68161bc00&shop=some-shop.myshopify.com&state=0.6784241404160823"
                        + "&timestamp=1337178173",
                CallbackHmac.message(documentedExample()),
                "every parameter but hmac, sorted by name");
        assertTrue(CallbackHmac.valid(documentedExample(), "hush"));
    }

    @Test
    void anyChangeBreaksIt() {
        Map<String, String> otherShop = documentedExample();
        otherShop.put("shop", "other-shop.myshopify.com");
        assertFalse(CallbackHmac.valid(otherShop, "hush"), "a parameter changed");
        assertFalse(CallbackHmac.valid(documentedExample(), "another-secret"), "another app's secret");
        Map<String, String> added = documentedExample();
        added.put("extra", "1");
        assertFalse(CallbackHmac.valid(added, "hush"), "a parameter added");
        Map<String, String> none = documentedExample();
        none.remove("hmac");
        assertFalse(CallbackHmac.valid(none, "hush"), "no hmac");
        Map<String, String> garbage = documentedExample();
        garbage.put("hmac", "not-hex");
        assertFalse(CallbackHmac.valid(garbage, "hush"), "not a digest");
    }
}
