package io.connectionportal.support;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.logging.Log;
import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.quarkus.qute.CheckedTemplate;

import io.connectionportal.shared.Branding;
import io.connectionportal.shared.CurrentLanguage;
import io.connectionportal.shared.CurrentUser;
import io.connectionportal.shared.Language;
import io.connectionportal.shared.SafeRedirect;

/**
 * Stores a support request and forwards it to the support mailbox, in the support team's language
 * (the default, English), with Reply-To set to the sender.
 */
@ApplicationScoped
class SupportRequests {

    @CheckedTemplate
    static class Templates {
        static native MailTemplateInstance request(SupportRequest request, String companyName);
    }

    private final CurrentUser viewer;
    private final Branding branding;

    SupportRequests(CurrentUser viewer, Branding branding) {
        this.viewer = viewer;
        this.branding = branding;
    }

    @Transactional
    SupportRequest store(SupportForm form) {
        SupportRequest request = new SupportRequest();
        if (viewer.signedIn()) {
            request.companyId = viewer.companyId();
            request.userId = viewer.userId();
        }
        request.name = form.name();
        request.email = form.email();
        request.topic = form.topic;
        request.message = form.message();
        String from = SafeRedirect.localPath(form.from, null);
        request.fromPage = from == null || from.length() > SupportForm.FROM_MAX ? null : from;
        request.createdAt = Instant.now();
        request.persist();
        return request;
    }

    void forward(SupportRequest request) {
        Templates.request(request, viewer.signedIn() ? viewer.companyName() : "")
                .to(branding.supportEmail())
                .replyTo(request.email)
                .subject(CurrentLanguage.bundle(SupportMessages.class, Language.EN)
                        .mail_support_subject(branding.productName(), request.id, request.topic))
                .send()
                .subscribe()
                .with(
                        sent -> Log.debugf("Support request %d forwarded", request.id),
                        failure -> Log.warnf(
                                "Support request %d stored but not e-mailed: %s", request.id, failure.getMessage()));
    }
}
