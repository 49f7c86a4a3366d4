package io.connectionportal.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The OpenAPI document is public, parses, and describes every /api/v1 operation with its errors and security. */
@QuarkusTest
class OpenApiDocumentTest {

    /** Every operation of the API; a new one must be added here and documented. */
    static final List<String> OPERATIONS = List.of(
            "post /api/v1/companies",
            "get /api/v1/companies",
            "get /api/v1/companies/{id}",
            "delete /api/v1/companies/{id}",
            "get /api/v1/companies/{id}/connections",
            "get /api/v1/companies/{id}/connections/{connectionId}",
            "post /api/v1/companies/{id}/connections/{connectionId}/refresh",
            "delete /api/v1/companies/{id}/connections/{connectionId}",
            "get /api/v1/companies/{id}/connections/{connectionId}/data/{dataType}",
            "get /api/v1/companies/{id}/connections/{connectionId}/syncs",
            "post /api/v1/companies/{id}/links",
            "get /api/v1/companies/{id}/links/{linkId}");

    @Test
    void theDocumentIsOnThePublicPortWithoutAKeyAndDescribesEveryOperation() throws Exception {
        String body = given().accept("application/json")
                .get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        JsonNode document = new ObjectMapper().readTree(body);

        assertEquals(
                "bearer",
                document.at("/components/securitySchemes/apiKey/scheme").asText());
        assertEquals("Connection Portal API", document.at("/info/title").asText());
        List<String> found = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            assertTrue(path.getKey().startsWith("/api/v1/"), "only the API is documented: " + path.getKey());
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                String name = operation.getKey() + " " + path.getKey();
                found.add(name);
                JsonNode op = operation.getValue();
                assertFalse(op.path("description").asText().isBlank(), name + " has a description");
                assertEquals("apiKey", op.at("/security/0").fieldNames().next(), name + " needs the bearer key");
                assertTrue(
                        op.at("/responses/401/content/application~1problem+json")
                                .isObject(),
                        name + " documents 401");
                boolean hasExample = false;
                for (JsonNode response : op.get("responses")) {
                    for (JsonNode content : response.path("content")) {
                        hasExample |= content.path("examples").size() > 0;
                    }
                }
                assertTrue(hasExample, name + " has an example");
            }
        }
        assertEquals(
                OPERATIONS.stream().sorted().toList(), found.stream().sorted().toList());
    }

    @Test
    void theYamlDocumentParsesToo() throws Exception {
        String yaml = given().get("/q/openapi").then().statusCode(200).extract().asString();
        JsonNode document = new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).readTree(yaml);
        assertTrue(document.get("openapi").asText().startsWith("3."));
        assertTrue(document.get("paths").has("/api/v1/companies"));
    }
}
