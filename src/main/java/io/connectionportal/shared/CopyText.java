package io.connectionportal.shared;

import java.util.Map;
import java.util.function.Function;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/**
 * Marketing and consent copy that integrators replace by configuration (I1), falling back to the
 * translated defaults in the message bundles. Templates read it as {@code inject:copy}.
 */
@RequestScoped
@Named("copy")
public class CopyText {

    private final PortalConfig config;
    private final CurrentLanguage language;

    CopyText(PortalConfig config, CurrentLanguage language) {
        this.config = config;
        this.language = language;
    }

    private String text(String key, Function<Messages, String> fallback) {
        Map<String, String> overrides = config.copy().getOrDefault(language.tag(), Map.of());
        String configured = overrides.get(key);
        return configured != null && !configured.isBlank() ? configured : fallback.apply(language.messages());
    }

    public String landingHeadline() {
        return text("landing-headline", Messages::copy_landing_headline);
    }

    public String landingLead() {
        return text("landing-lead", Messages::copy_landing_lead);
    }

    public String testimonialQuote() {
        return text("testimonial-quote", Messages::copy_testimonial_quote);
    }

    public String testimonialAuthor() {
        return text("testimonial-author", Messages::copy_testimonial_author);
    }

    public String statisticValue() {
        return text("statistic-value", Messages::copy_statistic_value);
    }

    public String statisticLabel() {
        return text("statistic-label", Messages::copy_statistic_label);
    }

    public String valueHeadline() {
        return text("value-headline", Messages::copy_value_headline);
    }

    public String valueReceived() {
        return text("value-received", Messages::copy_value_received);
    }

    public String useAccounting() {
        return text("use-accounting", Messages::copy_use_accounting);
    }

    public String useBanking() {
        return text("use-banking", Messages::copy_use_banking);
    }

    public String useCommerce() {
        return text("use-commerce", Messages::copy_use_commerce);
    }

    public String nextSteps() {
        return text("next-steps", Messages::copy_next_steps);
    }

    public String consentStatement() {
        return text("consent-statement", Messages::copy_consent_statement);
    }

    public String trustStatisticValue() {
        return text("trust-statistic-value", Messages::copy_trust_statistic_value);
    }

    public String trustStatisticLabel() {
        return text("trust-statistic-label", Messages::copy_trust_statistic_label);
    }
}
