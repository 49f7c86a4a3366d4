package io.connectionportal.api;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.connectionportal.connect.HostedLink;
import io.connectionportal.platforms.Category;

/**
 * A hosted link as the API shows it. {@code url} is given once, in the answer that made the link: only its hash is
 * kept, so reading the link later tells its state, not its URL.
 */
@Schema(name = "HostedLink")
@JsonInclude(JsonInclude.Include.NON_NULL)
record LinkView(
        @Schema(example = "15") long id,
        @Schema(example = "42") long companyId,

        @Schema(
                example = "https://connect.lender.example/link/pRq3x9V0tYk2mZ8s1wA4bC6dE7fG5hJ-uL0nO2iK3jQ",
                description = "Send the business here; present only in the answer that made the link",
                nullable = true)
        String url,

        @Schema(example = "https://app.lender.example/connected")
        String redirectUrl,

        @Schema(example = "[\"accounting\",\"banking\"]") List<String> categories,
        @Schema(example = "xero", nullable = true) String platform,
        @Schema(example = "2026-12-07T20:33:00Z") Instant expiresAt,

        @Schema(
                example = "linked",
                description = "created, opened (the business started), linked, cancelled, error, or expired"
                        + " (never opened in time)")
        String status,

        @Schema(example = "7", nullable = true) Long connectionId,
        @Schema(example = "provider_error", nullable = true) String errorCode) {

    static LinkView created(HostedLink link, String url) {
        return of(link, url);
    }

    static LinkView of(HostedLink link) {
        return of(link, null);
    }

    private static LinkView of(HostedLink link, String url) {
        return new LinkView(
                link.id,
                link.companyId,
                url,
                link.redirectUrl,
                link.categories().stream().sorted().map(Category::key).toList(),
                link.platformKey,
                link.expiresAt,
                status(link),
                link.connectionId,
                link.errorCode);
    }

    private static String status(HostedLink link) {
        if (link.outcome != null) {
            return link.outcome;
        }
        if (link.openedAt != null) {
            return "opened";
        }
        return link.expiresAt.isAfter(Instant.now()) ? "created" : "expired";
    }
}
