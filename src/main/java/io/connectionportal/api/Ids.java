package io.connectionportal.api;

import java.util.function.Supplier;

/** Ids in API paths: anything that is not one of ours is simply not found. */
final class Ids {

    private Ids() {}

    static long parse(String id) {
        return parseOr(id, Ids::noCompany);
    }

    static long parseOr(String id, Supplier<ProblemException> notFound) {
        try {
            long value = Long.parseLong(id);
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // not an id: not found, like an unknown one
        }
        throw notFound.get();
    }

    static ProblemException noCompany() {
        return new ProblemException(Problem.notFound("No company with this id."));
    }

    static ProblemException noConnection() {
        return new ProblemException(Problem.notFound("This company has no connection with this id."));
    }
}
