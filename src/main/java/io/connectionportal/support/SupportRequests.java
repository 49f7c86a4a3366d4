package io.connectionportal.support;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.quarkus.qute.CheckedTemplate;

import io.connectionportal.mail.MailOutbox;
import io.connectionportal.mail.OutgoingMail;
import io.connectionportal.shared.Branding;
import io.connectionportal.shared.CurrentLanguage;
import io.connectionportal.shared.CurrentUser;
import io.connectionportal.shared.Language;
import io.connectionportal.shared.SafeRedirect;

/**
 * Stores a support request and, in the same transaction, queues it in the outbox for the support mailbox, in the
 * support team's language (the default, English), with Reply-To set to the sender.
 */
@ApplicationScoped
class SupportRequests {

    @CheckedTemplate
    static class Templates {
        static native MailTemplateInstance request(SupportRequest request, String companyName);
    }

    private final CurrentUser viewer;
    private final Branding branding;
    private final MailOutbox outbox;

    SupportRequests(CurrentUser viewer, Branding branding, MailOutbox outbox) {
        this.viewer = viewer;
        this.branding = branding;
        this.outbox = outbox;
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
        request.persistAndFlush();
        outbox.enqueue(forward(request));
        return request;
    }

    private OutgoingMail forward(SupportRequest request) {
        String subject = CurrentLanguage.bundle(SupportMessages.class, Language.EN)
                .mail_support_subject(branding.productName(), request.id, request.topic);
        return OutgoingMail.render(
                        branding.supportEmail(),
                        subject,
                        Templates.request(request, viewer.signedIn() ? viewer.companyName() : ""))
                .withReplyTo(request.email);
    }
}
