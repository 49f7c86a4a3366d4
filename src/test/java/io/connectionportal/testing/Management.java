package io.connectionportal.testing;

import static io.restassured.RestAssured.given;

import org.eclipse.microprofile.config.ConfigProvider;

/** The management interface (health, metrics), on its own port in tests as in production. */
public final class Management {

    private Management() {}

    public static int port() {
        return ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class);
    }

    public static String get(String path) {
        return given().port(port())
                .get(path)
                .then()
                .statusCode(200)
                .extract()
                .body()
                .asString();
    }
}
