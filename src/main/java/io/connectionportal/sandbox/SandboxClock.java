package io.connectionportal.sandbox;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The sandbox's notion of "now". Codes and tokens expire after minutes or days; a bean rather than
 * {@code Instant.now()} lets a test move time forward ({@code QuarkusMock}) instead of sleeping.
 */
@ApplicationScoped
public class SandboxClock {

    public Instant now() {
        return Instant.now();
    }
}
