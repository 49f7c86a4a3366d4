package io.connectionportal.api;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;

import io.connectionportal.connect.HostedLink;
import io.connectionportal.connect.HostedLinks;
import io.connectionportal.platforms.Platform;
import io.connectionportal.platforms.PlatformCatalog;
import io.connectionportal.shared.Company;
import io.connectionportal.shared.PortalConfig;

/** Hosted links as the integrator makes and reads them; the journey itself is {@code connect.HostedLinkResource}. */
@ApplicationScoped
class ApiLinks {

    static final String OFF_THE_LIST = "must start with an entry of the redirect allow-list"
            + " (portal.api.redirect-allow-list, or the back office's redirect allow-list)";
    static final String NOT_A_REDIRECT =
            "must be an absolute https URL (http only for localhost), without user info or fragment";

    private final HostedLinks links;
    private final RedirectAllowList allowList;
    private final PlatformCatalog catalog;
    private final PortalConfig config;

    ApiLinks(HostedLinks links, RedirectAllowList allowList, PlatformCatalog catalog, PortalConfig config) {
        this.links = links;
        this.allowList = allowList;
        this.catalog = catalog;
        this.config = config;
    }

    ApiResponse create(long companyId, NewLink input, String keyName) {
        if (!companyExists(companyId)) {
            return ApiResponse.of(Problem.notFound("No company with this id."));
        }
        if (RedirectAllowList.check(input.redirectUrl()).isPresent()) {
            return invalid("redirectUrl", NOT_A_REDIRECT);
        }
        if (!allowList.allows(input.redirectUrl())) {
            return invalid("redirectUrl", OFF_THE_LIST);
        }
        Optional<Platform> platform = input.platform().flatMap(catalog::find).filter(Platform::enabled);
        if (input.platform().isPresent() && platform.isEmpty()) {
            return invalid("platform", "is not a platform of the catalog");
        }
        if (platform.isPresent()
                && !input.categories().isEmpty()
                && !input.categories().contains(platform.get().category())) {
            return invalid("platform", "is a " + platform.get().category().key() + " platform, not of the categories");
        }
        HostedLinks.Created created = links.create(new HostedLinks.Request(
                companyId,
                input.redirectUrl(),
                input.categories(),
                platform.map(Platform::key),
                input.expiresIn().orElse(config.api().linkLifetime()),
                keyName));
        HostedLink link = QuarkusTransaction.requiringNew().call(() -> HostedLink.findById(created.id()));
        return new ApiResponse(
                201,
                Json.write(LinkView.created(link, created.url())),
                "/api/v1/companies/" + companyId + "/links/" + created.id());
    }

    Optional<LinkView> find(long companyId, long linkId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> HostedLink.<HostedLink>find("id = ?1 and companyId = ?2", linkId, companyId)
                        .firstResultOptional()
                        .map(LinkView::of));
    }

    private static boolean companyExists(long companyId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Company.count("id = ?1 and deletedAt is null", companyId) == 1);
    }

    static ProblemException noLink() {
        return new ProblemException(Problem.notFound("This company has no hosted link with this id."));
    }

    private static ApiResponse invalid(String field, String detail) {
        return ApiResponse.of(Problem.invalid(List.of(new Problem.FieldError(field, detail))));
    }
}
