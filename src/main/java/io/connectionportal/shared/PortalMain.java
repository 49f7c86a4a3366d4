package io.connectionportal.shared;

import java.sql.SQLException;
import java.util.Optional;
import java.util.regex.Pattern;

import io.quarkus.runtime.Application;
import io.quarkus.runtime.ApplicationLifecycleManager;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.QuarkusBindException;
import io.quarkus.runtime.annotations.QuarkusMain;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.quarkus.runtime.util.ExceptionUtil;
import io.smallrye.config.ConfigValidationException;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * The portal's entry point: Quarkus as usual, except that a database it cannot reach at start-up ends the process
 * with one line naming the JDBC URL and its setting, instead of a stack trace that names neither.
 */
@QuarkusMain
public class PortalMain {

    private static final String URL_SETTING = "quarkus.datasource.jdbc.url";
    private static final Pattern PASSWORD = Pattern.compile("(?i)(password=)[^&;]*");

    private PortalMain() {}

    public static void main(String... args) {
        Quarkus.run(Portal.class, PortalMain::exit, args);
    }

    /** Runs until the portal is asked to stop. */
    public static class Portal implements QuarkusApplication {
        @Override
        public int run(String... args) {
            Quarkus.waitForExit();
            return 0;
        }
    }

    private static void exit(Integer code, Throwable failure) {
        if (failure != null) {
            Optional<String> line = unreachableDatabase(failure, configuredUrl());
            Throwable root = ExceptionUtil.getRootCause(failure);
            if (line.isPresent()) {
                System.err.println(line.get());
            } else if (root instanceof ConfigurationException || root instanceof ConfigValidationException) {
                // The rest is what Quarkus prints when no exit handler is given.
                System.err.println(root.getMessage());
            } else if (root instanceof QuarkusBindException bind) {
                Logger.getLogger(Application.class)
                        .errorf("Port %d seems to be in use by another process.", bind.getPort());
            } else {
                Logger.getLogger(Application.class).error("Failed to start application", failure);
            }
        }
        ApplicationLifecycleManager.getDefaultExitCodeHandler().accept(code, failure);
    }

    private static String configuredUrl() {
        try {
            return ConfigProvider.getConfig()
                    .getOptionalValue(URL_SETTING, String.class)
                    .orElse("(not set)");
        } catch (RuntimeException e) {
            return Optional.ofNullable(System.getenv("QUARKUS_DATASOURCE_JDBC_URL"))
                    .orElse("(unknown)");
        }
    }

    /**
     * One line when the start failed for want of a database connection (SQL state class 08, connection exception,
     * or 28, refused credentials); empty for any other failure. A password in the URL is masked.
     */
    static Optional<String> unreachableDatabase(Throwable failure, String url) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql
                    && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("28"))) {
                String reason =
                        String.valueOf(sql.getMessage()).replaceAll("\\s+", " ").trim();
                return Optional.of("Cannot connect to the database at "
                        + PASSWORD.matcher(url).replaceAll("$1***") + " (" + URL_SETTING
                        + ", QUARKUS_DATASOURCE_JDBC_URL): " + reason);
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return Optional.empty();
    }
}
