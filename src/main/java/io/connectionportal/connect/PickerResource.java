package io.connectionportal.connect;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import org.jboss.resteasy.reactive.RestForm;

import io.connectionportal.connections.Connection;
import io.connectionportal.connectors.Connectors;
import io.connectionportal.consent.ConsentMessages;
import io.connectionportal.consent.Consents;
import io.connectionportal.platforms.Category;
import io.connectionportal.platforms.DataType;
import io.connectionportal.platforms.Platform;
import io.connectionportal.platforms.PlatformCatalog;
import io.connectionportal.platforms.PlatformStatus;
import io.connectionportal.platforms.PlatformStatuses;
import io.connectionportal.platforms.PopularPlatforms;
import io.connectionportal.shared.CurrentLanguage;
import io.connectionportal.shared.CurrentUser;
import io.connectionportal.shared.FormErrors;
import io.connectionportal.shared.KeyText;
import io.connectionportal.sync.ProviderApis;

/**
 * The platform picker (S1–S4, S7) and each platform's page, where the business sees what will be
 * shared, consents if it has not yet for that category, and is sent to the provider.
 */
@Path("/connect/platforms")
@Authenticated
class PickerResource {

    @TemplateData
    record Card(Platform platform, PlatformStatus status, boolean blocked) {}

    @TemplateData
    record Group(Category category, List<Card> cards) {}

    /**
     * What the picker shows above the hosted link's form: the search, the popular shortcuts, the categories and the
     * platforms found with their badges. The same for every business whose search, country and statuses are the
     * same, so the markup is kept ({@code {#cached}}) under this record's text and the language, and the template
     * reads nothing else inside it: one lookup instead of rendering some forty cards each view.
     */
    @TemplateData
    record View(
            List<Group> groups,
            String query,
            String category,
            Optional<Platform> cancelled,
            PopularPlatforms.Popular popular,
            Set<String> connectedKeys,
            boolean sandboxShown,
            boolean hosted) {

        public String key() {
            return KeyText.of(this);
        }

        /** Every platform found is in one group, by its category. */
        public int found() {
            return groups.stream().mapToInt(g -> g.cards().size()).sum();
        }

        /** A business with a connection already knows the way: no step indicator. */
        public boolean returning() {
            return !connectedKeys.isEmpty();
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance picker(View view);

        static native TemplateInstance platform(
                Platform platform,
                boolean sandbox,
                boolean readable,
                List<DataType> readTypes,
                PlatformStatus status,
                boolean returning,
                boolean hosted,
                boolean consentNeeded,
                Optional<Connection> blockingAccounting,
                Optional<Platform> blockingPlatform,
                FormErrors errors,
                String policyVersion,
                String shopHost,
                String shop);
    }

    private final PlatformCatalog catalog;
    private final PlatformStatuses statuses;
    private final Connectors connectors;
    private final Consents consents;
    private final ConnectEntry entry;
    private final CurrentUser viewer;
    private final CurrentLanguage language;
    private final ProviderApis apis;
    private final PopularPlatforms popular;

    PickerResource(
            PlatformCatalog catalog,
            PlatformStatuses statuses,
            Connectors connectors,
            Consents consents,
            ConnectEntry entry,
            CurrentUser viewer,
            CurrentLanguage language,
            ProviderApis apis,
            PopularPlatforms popular) {
        this.apis = apis;
        this.popular = popular;
        this.catalog = catalog;
        this.statuses = statuses;
        this.connectors = connectors;
        this.consents = consents;
        this.entry = entry;
        this.viewer = viewer;
        this.language = language;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance picker(
            @QueryParam("q") String query,
            @QueryParam("category") String category,
            @QueryParam("cancelled") String cancelled) {
        Optional<Category> only = Category.fromKey(category);
        Optional<HostedLink> hosted = hostedLink();
        List<Platform> found = catalog.search(query, only).stream()
                .filter(p -> hosted.map(link -> allows(link, p)).orElse(true))
                .toList();
        Map<String, PlatformStatus> status = statuses.forCompany(viewer.companyId());
        // From the connections this request read already: a company's books have one source, so one accounting link.
        boolean accountingLinked =
                statuses.connectedCategories(viewer.companyId()).contains(Category.ACCOUNTING);
        List<Group> groups = Arrays.stream(Category.values())
                .map(c -> new Group(
                        c,
                        found.stream()
                                .filter(p -> p.category() == c)
                                .map(p -> card(p, status, accountingLinked))
                                .toList()))
                .filter(g -> !g.cards().isEmpty())
                .toList();
        boolean browsing = (query == null || query.isBlank()) && only.isEmpty();
        PopularPlatforms.Popular first = popular.forCompany(viewer.companyCountry());
        // The popular shortcuts are for a business looking around; a search or a category shows only what it asked.
        PopularPlatforms.Popular shown = new PopularPlatforms.Popular(
                browsing
                        ? first.platforms().stream()
                                .filter(p -> hosted.map(link -> allows(link, p)).orElse(true))
                                .toList()
                        : List.of(),
                first.country());
        return Templates.picker(new View(
                groups,
                query == null ? "" : query.strip(),
                only.map(Category::key).orElse(""),
                catalog.find(cancelled),
                shown,
                connectedKeys(status),
                found.stream().anyMatch(connectors::isSandbox),
                viewer.throughHostedLink()));
    }

    private static Set<String> connectedKeys(Map<String, PlatformStatus> status) {
        return status.entrySet().stream()
                .filter(s -> s.getValue().connected())
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }

    private Card card(Platform platform, Map<String, PlatformStatus> status, boolean accountingLinked) {
        PlatformStatus mine = status.getOrDefault(platform.key(), PlatformStatus.NONE);
        boolean blocked = platform.category() == Category.ACCOUNTING && accountingLinked && !mine.connected();
        return new Card(platform, mine, blocked);
    }

    @GET
    @Path("{key}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance platform(@PathParam("key") String key) {
        return page(enabled(key), FormErrors.none(), "");
    }

    @POST
    @Path("{key}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response connect(
            @PathParam("key") String key, @RestForm String agree, @RestForm String shop, @Context HttpHeaders headers) {
        Platform platform = enabled(key);
        String typed = shop == null ? "" : shop.strip();
        // A per-shop platform (Shopify) connects the shop the business names: checked here, with the consent box.
        Optional<String> host = connectors.shopHost(platform);
        Optional<String> shopName = host.flatMap(h -> ShopName.parse(typed, h));
        if (host.isPresent() && shopName.isEmpty()) {
            ConnectMessages msg = language.bundle(ConnectMessages.class);
            FormErrors errors = new FormErrors()
                    .add("shop", typed.isEmpty() ? msg.shop_error_required() : msg.shop_error_invalid());
            if (!"yes".equals(agree) && !consents.consentedCategories().contains(platform.category())) {
                errors.add("agree", language.bundle(ConsentMessages.class).error_consent_required());
            }
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(page(platform, errors, typed))
                    .build();
        }
        ConnectEntry.Entry started = entry.connect(
                platform,
                new ConnectFlow.Starter(viewer.companyId(), viewer.userId(), viewer.email(), null),
                "yes".equals(agree),
                headers,
                shopName);
        return started.refusal()
                .map(refusal -> switch (refusal) {
                    case CONSENT_REQUIRED ->
                        refused(
                                platform,
                                Response.Status.BAD_REQUEST,
                                language.bundle(ConsentMessages.class).error_consent_required(),
                                typed);
                    default ->
                        refused(
                                platform,
                                Response.Status.CONFLICT,
                                language.bundle(ConnectMessages.class).connect_error_one_accounting(),
                                typed);
                })
                .orElseGet(started::redirect);
    }

    private Response refused(Platform platform, Response.Status status, String message, String shop) {
        return Response.status(status)
                .entity(page(platform, new FormErrors().add("agree", message), shop))
                .build();
    }

    private TemplateInstance page(Platform platform, FormErrors errors, String shop) {
        Optional<Connection> blocking = Connection.blockingLink(
                        viewer.companyId(), platform.category(), Optional.empty())
                .filter(c -> !c.platformKey.equals(platform.key()));
        Map<String, PlatformStatus> all = statuses.forCompany(viewer.companyId());
        PlatformStatus status = all.getOrDefault(platform.key(), PlatformStatus.NONE);
        boolean sandbox = connectors.isSandbox(platform);
        // Only what the platform's data client reads is promised (Pennylane's has no financial statements).
        List<DataType> readTypes = apis.readTypes(platform, sandbox);
        return Templates.platform(
                platform,
                sandbox,
                !readTypes.isEmpty(),
                readTypes.isEmpty() ? platform.reads() : readTypes,
                status,
                !connectedKeys(all).isEmpty(),
                viewer.throughHostedLink(),
                !consents.consentedCategories().contains(platform.category()),
                blocking,
                blocking.flatMap(c -> catalog.find(c.platformKey)),
                errors,
                consents.policyVersion(),
                connectors.shopHost(platform).orElse(""),
                shop);
    }

    private Platform enabled(String key) {
        Optional<HostedLink> hosted = hostedLink();
        return catalog.find(key)
                .filter(Platform::enabled)
                .filter(p -> hosted.map(link -> allows(link, p)).orElse(true))
                .orElseThrow(NotFoundException::new);
    }

    /** The hosted link a business without an account came through: it narrows what it may connect. */
    private Optional<HostedLink> hostedLink() {
        return viewer.throughHostedLink() ? HostedLink.openFor(viewer.userId()) : Optional.empty();
    }

    private static boolean allows(HostedLink link, Platform platform) {
        return link.categories().contains(platform.category())
                && (link.platformKey == null || link.platformKey.equals(platform.key()));
    }
}
