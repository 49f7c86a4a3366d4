package io.connectionportal.api;

/** Ids in API paths: anything that is not one of ours is simply not found. */
final class Ids {

    private Ids() {}

    static long parse(String id) {
        try {
            long value = Long.parseLong(id);
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // not an id: not found, like an unknown one
        }
        throw noCompany();
    }

    static ProblemException noCompany() {
        return new ProblemException(Problem.notFound("No company with this id."));
    }
}
