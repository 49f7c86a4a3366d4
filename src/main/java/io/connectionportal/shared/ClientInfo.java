package io.connectionportal.shared;

import jakarta.enterprise.context.RequestScoped;

import io.vertx.core.http.HttpServerRequest;

/** The caller's IP address and user agent, as kept with consent records (behind a proxy, see quarkus.http.proxy.*). */
@RequestScoped
public class ClientInfo {

    private static final int USER_AGENT_MAX = 512;
    private final HttpServerRequest request;

    ClientInfo(HttpServerRequest request) {
        this.request = request;
    }

    public String ipAddress() {
        return request.remoteAddress() == null
                ? "unknown"
                : request.remoteAddress().hostAddress();
    }

    public String userAgent() {
        String agent = request.getHeader("User-Agent");
        if (agent == null) {
            return "";
        }
        return agent.length() > USER_AGENT_MAX ? agent.substring(0, USER_AGENT_MAX) : agent;
    }
}
