package io.connectionportal.onboarding;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.quarkus.qute.CheckedTemplate;

import io.connectionportal.mail.OutgoingMail;
import io.connectionportal.shared.Branding;
import io.connectionportal.shared.CurrentLanguage;
import io.connectionportal.shared.Language;
import io.connectionportal.shared.PortalConfig;

/**
 * The greeting e-mail (F3): three steps, the second being to connect, with a button that opens the connect step.
 * Queued in the outbox with the account ({@link Accounts}), so it goes out once the account exists and a mail outage
 * never stands in the way of sign-up.
 */
@ApplicationScoped
class GreetingMail {

    @CheckedTemplate
    static class Templates {
        static native MailTemplateInstance greeting(
                String productName,
                String companyName,
                String connectUrl,
                String supportEmail,
                String supportPhone,
                String lang);
    }

    private final PortalConfig config;
    private final Branding branding;

    GreetingMail(PortalConfig config, Branding branding) {
        this.config = config;
        this.branding = branding;
    }

    OutgoingMail render(String to, String companyName, Language language) {
        String connectUrl = config.baseUrl() + "/connect";
        MailTemplateInstance body = Templates.greeting(
                        branding.productName(),
                        companyName,
                        connectUrl,
                        branding.supportEmail(),
                        branding.supportPhone(),
                        language.tag())
                .setAttribute("locale", language.locale());
        String subject = CurrentLanguage.bundle(OnboardingMessages.class, language)
                .mail_greeting_subject(branding.productName());
        return OutgoingMail.render(to, subject, body);
    }
}
