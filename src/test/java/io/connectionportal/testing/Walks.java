package io.connectionportal.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

import io.connectionportal.testing.Chromium.Walk;

/**
 * Runs the method once per walk (by default all three: desktop, phone, phone without JavaScript), each
 * time in a fresh browser profile. The method may declare a {@link Walk}, a
 * {@link com.microsoft.playwright.Page} (already open, in the walk's viewport), its
 * {@link com.microsoft.playwright.BrowserContext}, and the {@link Chromium} for further profiles.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@TestTemplate
@ExtendWith(BrowserExtension.class)
public @interface Walks {

    Walk[] value() default {Walk.DESKTOP, Walk.PHONE, Walk.PHONE_WITHOUT_JAVASCRIPT};
}
