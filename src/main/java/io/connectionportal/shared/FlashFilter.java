package io.connectionportal.shared;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Loads the flash notice for this request and removes it once a page has shown it. */
class FlashFilter {

    private final Flash flash;

    FlashFilter(Flash flash) {
        this.flash = flash;
    }

    @ServerRequestFilter
    void load(ContainerRequestContext request) {
        Cookie cookie = request.getCookies().get(Flash.COOKIE);
        if (cookie != null && !cookie.getValue().isEmpty()) {
            flash.load(cookie.getValue());
        }
    }

    @ServerResponseFilter
    void consume(ContainerResponseContext response) {
        if (flash.loaded() && response.getStatus() < 300) {
            response.getHeaders().add(HttpHeaders.SET_COOKIE, flash.cleared().toString());
        }
    }
}
