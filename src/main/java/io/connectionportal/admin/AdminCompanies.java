package io.connectionportal.admin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Parameters;

import io.connectionportal.connections.Connection;
import io.connectionportal.connections.ConnectionStatus;
import io.connectionportal.shared.Company;

/**
 * The back office's list of every company: newest first, a page at a time by keyset on the primary key, narrowed by
 * a part of the name or an exact external reference (its unique index). Two queries a page, whatever its length: the
 * companies, then the connection counts of all of them at once.
 */
@ApplicationScoped
class AdminCompanies {

    static final int PAGE_SIZE = 50;
    static final int SEARCH_MAX = 100;

    /** One line of the list. */
    record CompanyLine(
            Long id,
            String name,
            String externalRef,
            String country,
            Instant createdAt,
            Instant deletedAt,
            long connections,
            long linked) {
        public boolean deleted() {
            return deletedAt != null;
        }
    }

    /** A page of lines, the cursor of the next older page, and whether this is not the newest. */
    record CompanyPage(List<CompanyLine> lines, Optional<Long> olderBefore, boolean notNewest) {}

    @Transactional
    CompanyPage page(String name, String externalRef, Optional<Long> before) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (!name.isEmpty()) {
            // A part of the name, any case: no B-tree index serves that, so the walk is along the id index, bounded
            // by the page size (and LIKE wildcards typed in are taken literally).
            where.add("lower(name) like :name escape '!'");
            params.and("name", "%" + likeLiteral(name.toLowerCase(Locale.ROOT)) + "%");
        }
        if (!externalRef.isEmpty()) {
            where.add("externalRef = :ref");
            params.and("ref", externalRef);
        }
        before.ifPresent(id -> {
            where.add("id < :before");
            params.and("before", id);
        });
        String query = (where.isEmpty() ? "" : String.join(" and ", where) + " ") + "order by id desc";
        List<Company> rows =
                Company.<Company>find(query, params).page(0, PAGE_SIZE + 1).list();
        boolean older = rows.size() > PAGE_SIZE;
        List<Company> companies = older ? rows.subList(0, PAGE_SIZE) : rows;
        Map<Long, long[]> counts =
                connectionCounts(companies.stream().map(c -> c.id).toList());
        List<CompanyLine> lines = companies.stream()
                .map(c -> {
                    long[] count = counts.getOrDefault(c.id, new long[2]);
                    return new CompanyLine(
                            c.id, c.name, c.externalRef, c.country, c.createdAt, c.deletedAt, count[0], count[1]);
                })
                .toList();
        return new CompanyPage(
                lines,
                older ? Optional.of(companies.get(companies.size() - 1).id) : Optional.empty(),
                before.isPresent());
    }

    /** All connections and the linked ones of each company, in one grouped query on the index on company. */
    private static Map<Long, long[]> connectionCounts(List<Long> companyIds) {
        Map<Long, long[]> counts = new HashMap<>();
        if (companyIds.isEmpty()) {
            return counts;
        }
        List<Object[]> rows = Connection.getEntityManager()
                .createQuery("""
                select c.companyId, c.status, count(c) from Connection c
                where c.companyId in :ids group by c.companyId, c.status""", Object[].class)
                .setParameter("ids", companyIds)
                .getResultList();
        for (Object[] row : rows) {
            long[] count = counts.computeIfAbsent((Long) row[0], id -> new long[2]);
            long n = (Long) row[2];
            count[0] += n;
            if (row[1] == ConnectionStatus.LINKED) {
                count[1] += n;
            }
        }
        return counts;
    }

    static String likeLiteral(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
