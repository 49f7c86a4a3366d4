package io.connectionportal.mail;

import java.util.List;

import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.Variant;

/**
 * An e-mail rendered and ready for the {@link MailOutbox}: recipient, optional Reply-To, subject, and its text and
 * HTML bodies. Its {@link #toString()} names neither the address nor the text, which may hold a link's token.
 */
public record OutgoingMail(String to, String replyTo, String subject, String text, String html) {

    /** Renders both variants of a Qute mail template ({@code name.txt} and {@code name.html}) now. */
    public static OutgoingMail render(String to, String subject, MailTemplateInstance body) {
        TemplateInstance instance = body.templateInstance();
        String text = null;
        String html = null;
        if (instance.getAttribute(TemplateInstance.VARIANTS) instanceof List<?> variants) {
            for (Object each : variants) {
                Variant variant = (Variant) each;
                if (Variant.TEXT_HTML.equals(variant.getContentType())) {
                    html = instance.setVariant(variant).render();
                } else if (Variant.TEXT_PLAIN.equals(variant.getContentType())) {
                    text = instance.setVariant(variant).render();
                }
            }
        }
        if (text == null && html == null) {
            throw new IllegalStateException("A mail template needs a .txt or an .html variant");
        }
        return new OutgoingMail(to, null, subject, text, html);
    }

    public OutgoingMail withReplyTo(String address) {
        return new OutgoingMail(to, address, subject, text, html);
    }

    @Override
    public String toString() {
        return "OutgoingMail[subject=" + subject + "]";
    }
}
