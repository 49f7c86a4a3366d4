package io.connectionportal.consent;

import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import io.quarkus.qute.TemplateData;

import io.connectionportal.shared.CopyText;

/**
 * The replaceable copy (I1) of the value exchange, the consent statement and the trust statistic;
 * templates read it as {@code inject:consentCopy}.
 */
@ApplicationScoped
@Named("consentCopy")
@TemplateData
public class ConsentCopy {

    private final CopyText copy;

    ConsentCopy(CopyText copy) {
        this.copy = copy;
    }

    private String text(String key, Function<ConsentMessages, String> fallback) {
        return copy.text(key, ConsentMessages.class, fallback);
    }

    public String valueHeadline() {
        return text("value-headline", ConsentMessages::copy_value_headline);
    }

    public String valueReceived() {
        return text("value-received", ConsentMessages::copy_value_received);
    }

    public String useAccounting() {
        return text("use-accounting", ConsentMessages::copy_use_accounting);
    }

    public String useBanking() {
        return text("use-banking", ConsentMessages::copy_use_banking);
    }

    public String useCommerce() {
        return text("use-commerce", ConsentMessages::copy_use_commerce);
    }

    public String nextSteps() {
        return text("next-steps", ConsentMessages::copy_next_steps);
    }

    public String consentStatement() {
        return text("consent-statement", ConsentMessages::copy_consent_statement);
    }
}
