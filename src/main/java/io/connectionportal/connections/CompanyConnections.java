package io.connectionportal.connections;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;

/**
 * A company's connections, read once per request: a page, the picker's statuses and the layout's reconnect banner
 * all show them, so one query serves the three. For showing only: code that changes a connection reads it afresh.
 */
@RequestScoped
public class CompanyConnections {

    private long companyId;
    private List<Connection> connections;

    public List<Connection> of(long companyId) {
        if (connections == null || this.companyId != companyId) {
            connections = Connection.ofCompany(companyId);
            this.companyId = companyId;
        }
        return connections;
    }

    /** One of the company's connections, from the same read; empty when the id is another company's or unknown. */
    public Optional<Connection> one(long companyId, long id) {
        return of(companyId).stream().filter(c -> c.id == id).findFirst();
    }
}
