package io.connectionportal.onboarding;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.quarkus.qute.CheckedTemplate;

import io.connectionportal.mail.OutgoingMail;
import io.connectionportal.shared.Branding;
import io.connectionportal.shared.CurrentLanguage;
import io.connectionportal.shared.Language;
import io.connectionportal.shared.PortalConfig;

/** The e-mail with a password-reset link, in the language of the page that asked for it. */
@ApplicationScoped
class PasswordResetMail {

    @CheckedTemplate
    static class Templates {
        static native MailTemplateInstance reset(
                String productName,
                String resetUrl,
                String minutes,
                String supportEmail,
                String supportPhone,
                String lang);
    }

    private final PortalConfig config;
    private final Branding branding;

    PasswordResetMail(PortalConfig config, Branding branding) {
        this.config = config;
        this.branding = branding;
    }

    OutgoingMail render(String to, String token, Language language) {
        String resetUrl = config.baseUrl() + PasswordResetResource.RESET + "?token="
                + URLEncoder.encode(token, StandardCharsets.UTF_8);
        MailTemplateInstance body = Templates.reset(
                        branding.productName(),
                        resetUrl,
                        minutes(),
                        branding.supportEmail(),
                        branding.supportPhone(),
                        language.tag())
                .setAttribute("locale", language.locale());
        String subject =
                CurrentLanguage.bundle(OnboardingMessages.class, language).mail_reset_subject(branding.productName());
        return OutgoingMail.render(to, subject, body);
    }

    String minutes() {
        return Long.toString(Math.max(1, config.passwordReset().lifetime().toMinutes()));
    }
}
