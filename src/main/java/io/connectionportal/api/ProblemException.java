package io.connectionportal.api;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Ends an API request with a problem response from wherever it is found wrong. */
class ProblemException extends RuntimeException {

    final transient Problem problem;

    ProblemException(Problem problem) {
        super(problem.type() + ": " + problem.detail(), null, false, false);
        this.problem = problem;
    }

    static class Mapper {
        @ServerExceptionMapper
        Response answer(ProblemException e) {
            return e.problem.toResponse().build();
        }
    }
}
