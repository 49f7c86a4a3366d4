package io.connectionportal.onboarding;

import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import io.quarkus.qute.TemplateData;

import io.connectionportal.shared.CopyText;

/** The landing page's replaceable copy (I1); templates read it as {@code inject:landingCopy}. */
@ApplicationScoped
@Named("landingCopy")
@TemplateData
public class LandingCopy {

    private final CopyText copy;

    LandingCopy(CopyText copy) {
        this.copy = copy;
    }

    private String text(String key, Function<OnboardingMessages, String> fallback) {
        return copy.text(key, OnboardingMessages.class, fallback);
    }

    public String landingHeadline() {
        return text("landing-headline", OnboardingMessages::copy_landing_headline);
    }

    public String landingLead() {
        return text("landing-lead", OnboardingMessages::copy_landing_lead);
    }

    public String testimonialQuote() {
        return text("testimonial-quote", OnboardingMessages::copy_testimonial_quote);
    }

    public String testimonialAuthor() {
        return text("testimonial-author", OnboardingMessages::copy_testimonial_author);
    }

    public String statisticValue() {
        return text("statistic-value", OnboardingMessages::copy_statistic_value);
    }

    public String statisticLabel() {
        return text("statistic-label", OnboardingMessages::copy_statistic_label);
    }
}
