package io.connectionportal.onboarding;

import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import jakarta.transaction.Transactional;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

import io.connectionportal.shared.Company;
import io.connectionportal.shared.CurrentLanguage;
import io.connectionportal.shared.CurrentUser;
import io.connectionportal.shared.Dates;
import io.connectionportal.shared.Flash;
import io.connectionportal.shared.FormErrors;
import io.connectionportal.shared.TimeZones;
import io.connectionportal.sync.CompanyFacts;

/**
 * The company profile (F5): the first time, prefilled from the connected accounting platform, for
 * the business to review and save; afterwards, what it saved.
 */
@Path("/company")
@Authenticated
class CompanyProfileResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance profile(
                CompanyProfileForm form,
                FormErrors errors,
                Optional<String> prefilledFrom,
                boolean saved,
                ZoneOptions zones,
                Map<String, String> sources,
                String signedUpAs);
    }

    private final CompanyFacts facts;
    private final CurrentUser viewer;
    private final CurrentLanguage language;
    private final Dates dates;

    private final Flash flash;

    CompanyProfileResource(CompanyFacts facts, CurrentUser viewer, CurrentLanguage language, Dates dates, Flash flash) {
        this.flash = flash;
        this.dates = dates;
        this.facts = facts;
        this.viewer = viewer;
        this.language = language;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance profile() {
        Optional<CompanyProfile> saved = CompanyProfile.of(viewer.companyId());
        if (saved.isPresent()) {
            return page(CompanyProfileForm.from(saved.get()), FormErrors.none(), Optional.empty(), true);
        }
        Optional<CompanyFacts.Facts> connected = facts.fromAccounting(viewer.companyId());
        if (connected.isEmpty()) {
            CompanyProfileForm typed = new CompanyProfileForm();
            typed.legalName = viewer.companyName();
            return page(typed, FormErrors.none(), Optional.empty(), false);
        }
        CompanyProfileForm prefilled = CompanyProfileForm.from(connected.get());
        // The platform's legal name is proposed, never put in place of the name typed at sign-up without saying so.
        String typed = viewer.companyName();
        String signedUpAs = prefilled.legalName != null && !prefilled.legalName.equalsIgnoreCase(typed)
                ? language.bundle(OnboardingMessages.class).profile_signed_up_as(typed)
                : null;
        return page(
                prefilled,
                FormErrors.none(),
                Optional.of(connected.get().source()),
                false,
                CompanyProfileForm.sources(connected.get()),
                signedUpAs);
    }

    /** The zone comes from the session (it carries the company's), so showing it costs no query. */
    private TemplateInstance page(
            CompanyProfileForm form, FormErrors errors, Optional<String> prefilledFrom, boolean saved) {
        return page(form, errors, prefilledFrom, saved, Map.of(), null);
    }

    private TemplateInstance page(
            CompanyProfileForm form,
            FormErrors errors,
            Optional<String> prefilledFrom,
            boolean saved,
            Map<String, String> sources,
            String signedUpAs) {
        if (form.timeZone == null) {
            form.timeZone = dates.display().zone().getId();
        }
        return Templates.profile(
                form, errors, prefilledFrom, saved, ZoneOptions.of(form.timeZone, language.get()), sources, signedUpAs);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response save(@BeanParam CompanyProfileForm form) {
        FormErrors errors = form.validate(language.bundle(OnboardingMessages.class));
        if (errors.any()) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(page(form, errors, Optional.empty(), false))
                    .build();
        }
        store(form);
        return Response.seeOther(URI.create("/company"))
                .cookie(flash.next(OnboardingNotice.PROFILE_SAVED))
                .build();
    }

    @Transactional
    void store(CompanyProfileForm form) {
        CompanyProfile profile = CompanyProfile.of(viewer.companyId()).orElseGet(() -> {
            CompanyProfile created = new CompanyProfile();
            created.companyId = viewer.companyId();
            created.prefilledFrom = facts.fromAccounting(viewer.companyId())
                    .map(CompanyFacts.Facts::source)
                    .orElse(null);
            return created;
        });
        form.applyTo(profile);
        profile.updatedAt = Instant.now();
        profile.persist();
        if (form.timeZone != null) {
            Company company = Company.findById(viewer.companyId());
            company.timeZone = TimeZones.parse(form.timeZone).orElseThrow().getId();
        }
    }
}
