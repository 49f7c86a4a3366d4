package io.connectionportal.testing;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;

import io.connectionportal.testing.Chromium.Walk;

/**
 * The browser set-up of every {@link BrowserTest}: Chromium is launched once per JVM (and closed when
 * the run ends), each {@link Walks} invocation gets a fresh profile and page in its walk's viewport,
 * closed after the test, and a failing test leaves a screenshot of its page in
 * {@code target/screenshots/failed-*.png}.
 */
public class BrowserExtension implements TestTemplateInvocationContextProvider, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(BrowserExtension.class);

    /** The one browser of the run, kept in the root store, which closes it when the run ends. */
    static Chromium chromium(ExtensionContext context) {
        return context.getRoot()
                .getStore(NAMESPACE)
                .computeIfAbsent(Chromium.class, key -> new Chromium(), Chromium.class);
    }

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return context.getTestMethod()
                .map(method -> method.isAnnotationPresent(Walks.class))
                .orElse(false);
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        Walk[] walks =
                context.getRequiredTestMethod().getAnnotation(Walks.class).value();
        return Arrays.stream(walks).map(walk -> new TestTemplateInvocationContext() {
            @Override
            public String getDisplayName(int invocationIndex) {
                return walk.name().toLowerCase(Locale.ROOT).replace('_', ' ');
            }

            @Override
            public List<Extension> getAdditionalExtensions() {
                return List.of(new OnWalk(walk));
            }
        });
    }

    /** The shared {@link Chromium}, in any test of the class, for profiles of a test's own. */
    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Chromium.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return chromium(context);
    }

    /** One invocation of a {@link Walks} method: its walk, and the profile and page opened for it on first use. */
    static final class OnWalk implements ParameterResolver, TestExecutionExceptionHandler, AfterEachCallback {

        private final Walk walk;
        private BrowserContext browserContext;
        private Page page;

        OnWalk(Walk walk) {
            this.walk = walk;
        }

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            Class<?> type = parameter.getParameter().getType();
            return type == Walk.class || type == Page.class || type == BrowserContext.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            Class<?> type = parameter.getParameter().getType();
            if (type == Walk.class) {
                return walk;
            }
            if (browserContext == null) {
                browserContext = chromium(context).context(walk);
                page = browserContext.newPage();
            }
            return type == Page.class ? page : browserContext;
        }

        @Override
        public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
            if (page != null && !page.isClosed()) {
                try {
                    Chromium.screenshot(
                            page,
                            "failed-" + context.getRequiredTestClass().getSimpleName() + "-"
                                    + context.getRequiredTestMethod().getName() + "-"
                                    + walk.name().toLowerCase(Locale.ROOT));
                } catch (RuntimeException screenshotFailed) {
                    failure.addSuppressed(screenshotFailed);
                }
            }
            throw failure;
        }

        @Override
        public void afterEach(ExtensionContext context) {
            if (browserContext != null) {
                browserContext.close();
                browserContext = null;
                page = null;
            }
        }
    }
}
