package io.connectionportal.manage;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.qute.TemplateData;

import io.connectionportal.audit.DataRead;
import io.connectionportal.audit.DataReads;
import io.connectionportal.platforms.Platform;
import io.connectionportal.platforms.PlatformCatalog;

/**
 * Who read the company's data, as the business's pages list it: each read with its platform's name (kept by key, so a
 * deleted connection's reads still say where the data came from). Reads only, never writes: a page view is no read.
 */
@ApplicationScoped
class ReadLines {

    /** How many reads the dashboard lists; the reads page lists {@link #PAGE}. */
    static final int DASHBOARD = 5;

    static final int CONNECTION = 10;
    static final int PAGE = 100;

    @TemplateData
    record Line(DataRead read, String platformName) {}

    /** Up to {@code limit} lines, and whether there are more than that. */
    @TemplateData
    record Lines(List<Line> lines, boolean more) {}

    private final DataReads reads;
    private final PlatformCatalog catalog;

    ReadLines(DataReads reads, PlatformCatalog catalog) {
        this.reads = reads;
        this.catalog = catalog;
    }

    Lines ofCompany(long companyId, int limit) {
        return lines(reads.recentForCompany(companyId, limit + 1), limit);
    }

    Lines ofConnection(long companyId, long connectionId, int limit) {
        return lines(reads.recentForConnection(companyId, connectionId, limit + 1), limit);
    }

    private Lines lines(List<DataRead> found, int limit) {
        return new Lines(
                found.stream()
                        .limit(limit)
                        .map(r -> new Line(
                                r,
                                catalog.find(r.platformKey).map(Platform::name).orElse(r.platformKey)))
                        .toList(),
                found.size() > limit);
    }
}
