package io.connectionportal.shared;

/** Where the JSON API lives: its requests get a bearer key and problem documents, never a page or a session. */
public final class ApiPaths {

    private ApiPaths() {}

    public static boolean isApi(String path) {
        return path.startsWith("/api/");
    }
}
