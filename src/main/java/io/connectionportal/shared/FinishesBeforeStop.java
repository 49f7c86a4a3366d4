package io.connectionportal.shared;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.interceptor.InterceptorBinding;

/**
 * On a {@code @Scheduled} method: a stopping instance starts no new run of it and lets the run under way finish
 * before it closes the database ({@link RunningJobs}). ArchitectureTest holds every scheduled method to it, and to
 * returning void: a skipped run returns nothing.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface FinishesBeforeStop {}
