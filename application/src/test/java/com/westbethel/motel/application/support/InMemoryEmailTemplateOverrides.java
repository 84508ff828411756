package com.westbethel.motel.application.support;

import com.westbethel.motel.application.notification.port.out.EmailTemplateOverrides;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Administrators' versions of templates, in memory; {@link #failing} makes listing them fail as an unreachable database would. */
public final class InMemoryEmailTemplateOverrides implements EmailTemplateOverrides {

    public boolean failing;
    private final Map<String, TemplateOverride> byKey = new HashMap<>();

    @Override
    public List<TemplateOverride> all() {
        if (failing) {
            throw new IllegalStateException("database down");
        }
        return List.copyOf(byKey.values());
    }

    @Override
    public Optional<TemplateOverride> find(String template, String languageTag) {
        return Optional.ofNullable(byKey.get(template + "|" + languageTag));
    }

    @Override
    public void save(TemplateOverride override) {
        byKey.put(override.template() + "|" + override.languageTag(), override);
    }

    @Override
    public boolean delete(String template, String languageTag) {
        return byKey.remove(template + "|" + languageTag) != null;
    }
}
