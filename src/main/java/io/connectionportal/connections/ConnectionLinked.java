package io.connectionportal.connections;

/** Fired once a connection holds working tokens (first link or reconnect), after its transaction committed. */
public record ConnectionLinked(long connectionId) {}
