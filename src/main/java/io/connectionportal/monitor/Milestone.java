package io.connectionportal.monitor;

/**
 * What O1 counts of a company: when it signed up, first authorized a connection, first uploaded a file. Each is a
 * column of {@code company_milestone} and, by name, a kind of row of {@code company_cohort_daily}.
 */
enum Milestone {
    SIGNED_UP("signed_up_at"),
    AUTHORIZED("first_authorized_at"),
    UPLOADED("first_upload_at");

    /** The column of {@code company_milestone}: a constant, never input, so it may be written into SQL. */
    final String column;

    Milestone(String column) {
        this.column = column;
    }

    /** The milestone a step reaches, or null. */
    static Milestone reachedBy(FunnelStep step) {
        return switch (step) {
            case SIGNED_UP -> SIGNED_UP;
            case AUTHORIZATION_COMPLETED -> AUTHORIZED;
            case FILE_UPLOADED -> UPLOADED;
            default -> null;
        };
    }
}
