package io.connectionportal.onboarding;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.jboss.resteasy.reactive.RestForm;

import io.connectionportal.shared.FormErrors;
import io.connectionportal.shared.TimeZones;
import io.connectionportal.shared.Validation;
import io.connectionportal.sync.CompanyFacts;

/** The company profile as submitted, or as prefilled from connected data. */
public class CompanyProfileForm {

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    /**
     * A registered name: two characters or more with a letter among them, made of letters (any script), digits, spaces
     * and the punctuation company names use ("L'Atelier & Fils, S.A.R.L.", "Müller-Lüdenscheid GmbH (UK) Ltd").
     */
    private static final Pattern LEGAL_NAME =
            Pattern.compile("(?=.*\\p{L})[\\p{L}\\p{M}\\p{N} .,'’&()/+\\-–:;!@°#\"«»]{2,}");

    @RestForm
    public String legalName;

    @RestForm
    public String registrationNumber;

    @RestForm
    public String taxNumber;

    @RestForm
    public String addressLine;

    @RestForm
    public String postalCode;

    @RestForm
    public String city;

    @RestForm
    public String country;

    @RestForm
    public String baseCurrency;

    /** Kept on the company, not the profile: the zone its pages show times in; null when the form did not send it. */
    @RestForm
    public String timeZone;

    static CompanyProfileForm from(CompanyProfile profile) {
        CompanyProfileForm form = new CompanyProfileForm();
        form.legalName = profile.legalName;
        form.registrationNumber = profile.registrationNumber;
        form.taxNumber = profile.taxNumber;
        form.addressLine = profile.addressLine;
        form.postalCode = profile.postalCode;
        form.city = profile.city;
        form.country = profile.country;
        form.baseCurrency = profile.baseCurrency;
        return form;
    }

    static CompanyProfileForm from(CompanyFacts.Facts facts) {
        CompanyProfileForm form = new CompanyProfileForm();
        form.legalName = facts.legalName();
        form.registrationNumber = facts.registrationNumber();
        form.taxNumber = facts.taxNumber();
        form.addressLine = facts.addressLine();
        form.postalCode = facts.postalCode();
        form.city = facts.city();
        form.country = facts.country();
        form.baseCurrency = facts.baseCurrency();
        return form;
    }

    /** Which fields the platform filled in, by field name, each with the platform's name. */
    static Map<String, String> sources(CompanyFacts.Facts facts) {
        CompanyProfileForm form = from(facts);
        Map<String, String> sources = new HashMap<>();
        Map.of(
                        "legalName", Validation.trim(form.legalName),
                        "registrationNumber", Validation.trim(form.registrationNumber),
                        "taxNumber", Validation.trim(form.taxNumber),
                        "addressLine", Validation.trim(form.addressLine),
                        "postalCode", Validation.trim(form.postalCode),
                        "city", Validation.trim(form.city),
                        "country", Validation.trim(form.country),
                        "baseCurrency", Validation.trim(form.baseCurrency))
                .forEach((field, value) -> {
                    if (!value.isEmpty()) {
                        sources.put(field, facts.source());
                    }
                });
        return sources;
    }

    FormErrors validate(OnboardingMessages msg) {
        FormErrors errors = new FormErrors();
        String name = Validation.trim(legalName);
        if (name.isEmpty()) {
            errors.add("legalName", msg.error_legal_name_required());
        } else if (!LEGAL_NAME.matcher(name).matches()) {
            errors.add("legalName", msg.error_legal_name_invalid());
        }
        tooLong(errors, msg, "legalName", legalName, 200);
        tooLong(errors, msg, "registrationNumber", registrationNumber, 40);
        tooLong(errors, msg, "taxNumber", taxNumber, 40);
        tooLong(errors, msg, "addressLine", addressLine, 200);
        tooLong(errors, msg, "postalCode", postalCode, 20);
        tooLong(errors, msg, "city", city, 100);
        tooLong(errors, msg, "country", country, 60);
        String currency = Validation.trim(baseCurrency).toUpperCase(Locale.ROOT);
        if (!currency.isEmpty() && !CURRENCY.matcher(currency).matches()) {
            errors.add("baseCurrency", msg.error_currency_format());
        }
        // Absent (a form from before the field) keeps the company's zone; anything sent must be a zone of the list.
        if (timeZone != null && TimeZones.parse(timeZone).isEmpty()) {
            errors.add("timeZone", msg.error_time_zone());
        }
        return errors;
    }

    private static void tooLong(FormErrors errors, OnboardingMessages msg, String field, String value, int max) {
        if (Validation.trim(value).length() > max) {
            errors.add(field, msg.error_field_too_long(max));
        }
    }

    void applyTo(CompanyProfile profile) {
        profile.legalName = Validation.trim(legalName);
        profile.registrationNumber = blankToNull(registrationNumber);
        profile.taxNumber = blankToNull(taxNumber);
        profile.addressLine = blankToNull(addressLine);
        profile.postalCode = blankToNull(postalCode);
        profile.city = blankToNull(city);
        profile.country = blankToNull(country);
        String currency = blankToNull(baseCurrency);
        profile.baseCurrency = currency == null ? null : currency.toUpperCase(Locale.ROOT);
    }

    private static String blankToNull(String value) {
        String trimmed = Validation.trim(value);
        return trimmed.isEmpty() ? null : trimmed;
    }
}
