package io.connectionportal.uploads;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.hibernate.orm.panache.Panache;

import io.connectionportal.platforms.Category;
import io.connectionportal.shared.CurrentUser;
import io.connectionportal.shared.User;

/** Stores and lists the signed-in company's integration requests; never another company's. */
@ApplicationScoped
class IntegrationRequests {

    private final CurrentUser viewer;

    IntegrationRequests(CurrentUser viewer) {
        this.viewer = viewer;
    }

    @Transactional
    IntegrationRequest store(IntegrationRequestForm form) {
        IntegrationRequest request = new IntegrationRequest();
        request.companyId = viewer.companyId();
        request.requestedBy = Panache.getEntityManager().getReference(User.class, viewer.userId());
        request.platformName = form.platformName();
        request.website = form.website().isEmpty() ? null : form.website();
        request.category = form.categoryValue().map(Category::key).orElse(null);
        request.note = form.note().isEmpty() ? null : form.note();
        request.createdAt = Instant.now();
        request.persist();
        return request;
    }

    List<IntegrationRequest> list() {
        return IntegrationRequest.find(
                        "from IntegrationRequest r join fetch r.requestedBy where r.companyId = ?1"
                                + " order by r.createdAt desc, r.id desc",
                        viewer.companyId())
                .list();
    }
}
