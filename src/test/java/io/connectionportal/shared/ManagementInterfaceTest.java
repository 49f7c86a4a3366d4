package io.connectionportal.shared;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.connectionportal.testing.Management;

/** Health and metrics answer on the management port only: the public site shows no funnel figures nor JVM version. */
@QuarkusTest
class ManagementInterfaceTest {

    @ParameterizedTest
    @ValueSource(strings = {"/q/metrics", "/q/health", "/q/health/ready"})
    void healthAndMetricsAreNotOnThePublicPortButOnTheManagementPort(String path) {
        given().get(path).then().statusCode(404);

        String body = Management.get(path);
        assertTrue(body.contains(path.startsWith("/q/metrics") ? "jvm_" : "\"status\""), body);
    }
}
