package io.connectionportal.shared;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;

/** Every notice the features contribute, by the name a flash cookie carries; anything else is ignored. */
@Singleton
class Notices {

    private final Map<String, Notice> byName = new HashMap<>();

    Notices(Instance<Notice.Source> sources) {
        for (Notice.Source source : sources) {
            for (Notice notice : source.notices()) {
                Notice other = byName.putIfAbsent(notice.name(), notice);
                // Two features choosing one name would show one's text for the other's notice.
                if (other != null && other != notice) {
                    throw new IllegalStateException("Two notices are named " + notice.name());
                }
            }
        }
    }

    Optional<Notice> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }
}
