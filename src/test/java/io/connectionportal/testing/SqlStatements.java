package io.connectionportal.testing;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * Counts the SQL statements of one HTTP request, and only those: a sync, a scheduled job or another
 * request running at the same time is not counted. The request under test carries a header with a
 * fresh tag; a route filter puts the tag on the request's Vert.x context, which the event loop and the
 * worker threads serving that request share, and a Hibernate {@link StatementInspector} records every
 * statement prepared while such a tag is current.
 */
public final class SqlStatements {

    static final String HEADER = "X-Test-Count-Statements";
    private static final String TAG = SqlStatements.class.getName();
    private static final Map<String, List<String>> RECORDED = new ConcurrentHashMap<>();

    private SqlStatements() {}

    /** The SQL of the requests {@code browser} makes while {@code requests} runs, in order; nothing else. */
    public static List<String> of(Browser browser, Runnable requests) {
        String tag = UUID.randomUUID().toString();
        List<String> statements = new CopyOnWriteArrayList<>();
        RECORDED.put(tag, statements);
        browser.setHeader(HEADER, tag);
        try {
            requests.run();
        } finally {
            browser.setHeader(HEADER, null);
            RECORDED.remove(tag);
        }
        return List.copyOf(statements);
    }

    /** Tags the request's context when it carries the header, before anything else handles the request. */
    @ApplicationScoped
    public static class Tagging {
        void install(@Observes Router router) {
            router.route().order(Integer.MIN_VALUE).handler(routing -> {
                String tag = routing.request().getHeader(HEADER);
                Context context = Vertx.currentContext();
                if (tag != null && context != null) {
                    context.putLocal(TAG, tag);
                }
                routing.next();
            });
        }
    }

    /** Records each statement under the tag of the request it belongs to, if any. */
    @PersistenceUnitExtension
    @ApplicationScoped
    public static class Inspector implements StatementInspector {
        @Override
        public String inspect(String sql) {
            Context context = Vertx.currentContext();
            Object tag = context == null ? null : context.getLocal(TAG);
            if (tag != null) {
                List<String> statements = RECORDED.get(tag);
                if (statements != null) {
                    statements.add(sql);
                }
            }
            return sql;
        }
    }
}
