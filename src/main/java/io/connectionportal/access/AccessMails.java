package io.connectionportal.access;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.quarkus.qute.CheckedTemplate;

import io.connectionportal.connections.Connection;
import io.connectionportal.mail.OutgoingMail;
import io.connectionportal.platforms.Platform;
import io.connectionportal.platforms.PlatformCatalog;
import io.connectionportal.shared.Branding;
import io.connectionportal.shared.Company;
import io.connectionportal.shared.CurrentLanguage;
import io.connectionportal.shared.DateDisplay;
import io.connectionportal.shared.Language;
import io.connectionportal.shared.PortalConfig;
import io.connectionportal.shared.TimeZones;

/**
 * The two e-mails of this feature, HTML and text, in the recipient's language: a connection needs reconnecting, and a
 * platform's access ends soon. Both link to the connection's page, where Reconnect is (the address is the configured
 * public base URL's, never a request's).
 */
@ApplicationScoped
class AccessMails {

    @CheckedTemplate
    static class Templates {
        static native MailTemplateInstance broken(
                String productName,
                String platformName,
                String reconnectUrl,
                String supportEmail,
                String supportPhone,
                String lang);

        static native MailTemplateInstance ending(
                String productName,
                String platformName,
                String endsOn,
                String reconnectUrl,
                String supportEmail,
                String supportPhone,
                String lang);
    }

    private final PortalConfig config;
    private final Branding branding;
    private final PlatformCatalog catalog;

    AccessMails(PortalConfig config, Branding branding, PlatformCatalog catalog) {
        this.config = config;
        this.branding = branding;
        this.catalog = catalog;
    }

    OutgoingMail broken(String to, Language language, Connection connection) {
        String platform = platformName(connection);
        MailTemplateInstance body = Templates.broken(
                        branding.productName(),
                        platform,
                        reconnectUrl(connection),
                        branding.supportEmail(),
                        branding.supportPhone(),
                        language.tag())
                .setAttribute("locale", language.locale());
        String subject = CurrentLanguage.bundle(AccessMessages.class, language)
                .mail_broken_subject(platform, branding.productName());
        return OutgoingMail.render(to, subject, body);
    }

    OutgoingMail ending(String to, Language language, Connection connection, Instant endsAt) {
        String platform = platformName(connection);
        // In the company's time zone, as its pages show it, with the zone named: an e-mail is read anywhere.
        Company company = Company.findById(connection.companyId);
        String endsOn = DateDisplay.of(language, TimeZones.stored(company == null ? null : company.timeZone, language))
                .exactWithZone(endsAt);
        MailTemplateInstance body = Templates.ending(
                        branding.productName(),
                        platform,
                        endsOn,
                        reconnectUrl(connection),
                        branding.supportEmail(),
                        branding.supportPhone(),
                        language.tag())
                .setAttribute("locale", language.locale());
        String subject = CurrentLanguage.bundle(AccessMessages.class, language).mail_ending_subject(platform);
        return OutgoingMail.render(to, subject, body);
    }

    /** The connection's page: the one-click Reconnect is a form there, and an e-mail link cannot post one. */
    String reconnectUrl(Connection connection) {
        return config.baseUrl() + "/connections/" + connection.id;
    }

    private String platformName(Connection connection) {
        return catalog.find(connection.platformKey).map(Platform::name).orElse(connection.platformKey);
    }
}
