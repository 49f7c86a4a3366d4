package io.connectionportal.shared;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import io.quarkus.qute.TemplateData;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;

/** Where the reader is, so the language switcher can bring them back to the same page. */
@RequestScoped
@Named("currentPath")
@TemplateData
public class CurrentPath {

    private final HttpServerRequest request;

    CurrentPath(HttpServerRequest request) {
        this.request = request;
    }

    /** The path and query of a GET; for a re-rendered form after a POST, the form's own path. */
    public String value() {
        String candidate = request.method() == HttpMethod.GET ? request.uri() : request.path();
        return SafeRedirect.localPath(candidate, "/");
    }
}
