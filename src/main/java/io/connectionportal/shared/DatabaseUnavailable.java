package io.connectionportal.shared;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.hibernate.exception.JDBCConnectionException;

/**
 * Any request that fails because the database cannot be reached (lost mid-request, restarting, or every pooled
 * connection gone) answers 503 with a page saying nothing was saved, instead of the framework's bare 500: each write is
 * one transaction, so a request cut short left nothing behind and can be sent again. Installed as the first failure
 * handler of every route, so it also covers what fails before a resource runs (the session lookup). The page is a
 * frame of its own that needs no database (no navigation by who is signed in); the API gets problem details.
 */
@ApplicationScoped
class DatabaseUnavailable {

    /** How long a client is asked to wait: a restart or a failover takes about that. */
    private static final String RETRY_AFTER_SECONDS = "30";

    @CheckedTemplate(basePath = "ErrorPages")
    static class Templates {
        static native TemplateInstance unavailable(String productName, String lang);
    }

    private final Branding brand;
    private final AgroalDataSource pool;

    DatabaseUnavailable(Branding brand, AgroalDataSource pool) {
        this.brand = brand;
        this.pool = pool;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::answer);
    }

    private void answer(RoutingContext context) {
        if (!databaseLost(context.failure()) || context.response().headWritten()) {
            context.next();
            return;
        }
        Log.warnf(
                "%s %s failed: the database cannot be reached (%s)",
                context.request().method(), context.normalizedPath(), rootCause(context.failure()));
        // A lost database took every idle pooled connection with it, and one used within the last second is lent
        // without a check: dropped now (the pool does it on its own thread), the next request after the database is
        // back opens a fresh one instead of failing on a dead one.
        pool.flush(AgroalDataSource.FlushMode.IDLE);
        context.response()
                .setStatusCode(503)
                .putHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        if (ApiPaths.isApi(context.normalizedPath())) {
            context.response()
                    .putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                    .end("{\"type\":\"about:blank\",\"title\":\"Service Unavailable\",\"status\":503,"
                            + "\"detail\":\"The database cannot be reached; nothing was saved. Try again later.\"}");
            return;
        }
        Cookie remembered = context.request().getCookie(Language.COOKIE);
        Language language = Language.resolve(
                remembered == null ? null : remembered.getValue(),
                context.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        context.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, "text/html;charset=UTF-8")
                .putHeader(HttpHeaders.CONTENT_LANGUAGE, language.tag())
                .end(Templates.unavailable(brand.productName(), language.tag())
                        .setAttribute("locale", language.locale())
                        .render());
    }

    /** Whether the failure, or one of its causes, is the database connection failing (SQLState class 08). */
    static boolean databaseLost(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof JDBCConnectionException || cause instanceof SQLTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql
                    && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("08")) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    private static String rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.toString();
    }
}
