package io.connectionportal.onboarding;

import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.connectionportal.shared.Language;
import io.connectionportal.shared.TimeZones;

/**
 * The time zone select of the company page: the likely zones first, then every other; a submitted value that is no
 * zone is offered as it was sent, so the page shows what was refused beside its error.
 */
record ZoneOptions(List<TimeZones.Choice> likely, Set<String> others, String refused) {

    static ZoneOptions of(String chosen, Language language) {
        ZoneId current = TimeZones.parse(chosen).orElse(null);
        List<TimeZones.Choice> likely = TimeZones.likely(language, current);
        Set<String> others = new TreeSet<>(TimeZones.all());
        likely.forEach(choice -> others.remove(choice.id()));
        return new ZoneOptions(likely, others, current == null ? chosen : null);
    }
}
