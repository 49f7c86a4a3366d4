package io.connectionportal.onboarding;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.quarkus.qute.CheckedTemplate;

import io.connectionportal.shared.Branding;
import io.connectionportal.shared.CurrentLanguage;
import io.connectionportal.shared.Language;
import io.connectionportal.shared.PortalConfig;

/**
 * The greeting e-mail (F3): three steps, the second being to connect, with a button that opens the
 * connect step. Sent after the account is committed and never in the way of sign-up if mail fails.
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

    void send(String to, String companyName, Language language) {
        String connectUrl = config.baseUrl() + "/connect";
        Templates.greeting(
                        branding.productName(),
                        companyName,
                        connectUrl,
                        branding.supportEmail(),
                        branding.supportPhone(),
                        language.tag())
                .to(to)
                .subject(CurrentLanguage.bundle(OnboardingMessages.class, language)
                        .mail_greeting_subject(branding.productName()))
                .setAttribute("locale", language.locale())
                .send()
                .subscribe()
                .with(
                        sent -> Log.debugf("Greeting e-mail sent"),
                        failure -> Log.warnf("Greeting e-mail could not be sent: %s", failure.getMessage()));
    }
}
