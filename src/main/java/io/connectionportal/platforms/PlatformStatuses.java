package io.connectionportal.platforms;

import java.util.Map;
import java.util.Set;

/** Answers, for the picker, what a company has connected; implemented where connections live. */
public interface PlatformStatuses {

    /** By platform key; platforms the company never tried are absent. */
    Map<String, PlatformStatus> forCompany(long companyId);

    /** Categories with at least one working connection: the strength meter (V4). */
    Set<Category> connectedCategories(long companyId);
}
