package io.connectionportal.consent;

import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import org.jboss.resteasy.reactive.RestForm;

import io.connectionportal.platforms.Category;
import io.connectionportal.shared.CurrentLanguage;
import io.connectionportal.shared.Flash;
import io.connectionportal.shared.FormErrors;
import io.connectionportal.shared.SafeRedirect;

/**
 * The consent step (P1–P4): what will be shared per category, and an unticked box to agree to the
 * privacy policy. Categories already agreed to under the current policy are not asked again.
 */
@Path("/connect/consent")
@Authenticated
class ConsentResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance consent(
                List<Category> categories,
                Set<Category> consented,
                ConsentForm form,
                FormErrors errors,
                List<ConsentRecord> records,
                String policyVersion);
    }

    public static class ConsentForm {
        @RestForm("category")
        public List<String> categories;

        @RestForm
        public String agree;

        @RestForm
        public String next;

        public boolean chosen(Category category) {
            return categories != null && categories.contains(category.key());
        }

        public boolean agreed() {
            return "yes".equals(agree);
        }
    }

    private final Consents consents;
    private final CurrentLanguage language;

    private final Flash flash;

    ConsentResource(Consents consents, CurrentLanguage language, Flash flash) {
        this.flash = flash;
        this.consents = consents;
        this.language = language;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance form(@QueryParam("category") List<String> preselected, @QueryParam("next") String next) {
        ConsentForm form = new ConsentForm();
        form.categories = preselected;
        form.next = SafeRedirect.localPath(next, "");
        return page(form, FormErrors.none());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response give(@BeanParam ConsentForm form) {
        ConsentMessages msg = language.bundle(ConsentMessages.class);
        Set<Category> already = consents.consentedCategories();
        Set<Category> chosen = EnumSet.noneOf(Category.class);
        FormErrors errors = new FormErrors();
        for (String key : form.categories == null ? List.<String>of() : form.categories) {
            Category.fromKey(key)
                    .ifPresentOrElse(chosen::add, () -> errors.add("category", msg.error_category_unknown()));
        }
        chosen.removeAll(already);
        if (chosen.isEmpty()) {
            errors.add("category", msg.error_category_required());
        }
        if (!form.agreed()) {
            errors.add("agree", msg.error_consent_required());
        }
        if (errors.any()) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(page(form, errors))
                    .build();
        }
        consents.record(chosen, ConsentSource.CONSENT_PAGE);
        return Response.seeOther(URI.create(SafeRedirect.localPath(form.next, "/connect")))
                .cookie(flash.next(ConsentNotice.CONSENT_RECORDED))
                .build();
    }

    private TemplateInstance page(ConsentForm form, FormErrors errors) {
        return Templates.consent(
                List.of(Category.values()),
                consents.consentedCategories(),
                form,
                errors,
                consents.currentRecords(),
                consents.policyVersion());
    }
}
