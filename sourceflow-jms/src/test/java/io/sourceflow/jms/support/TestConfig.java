package io.sourceflow.jms.support;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.Converter;

/** MicroProfile Config over a map, as a server's configuration would provide it; strings and integers only. */
public final class TestConfig implements Config {

    private final Map<String, String> values;

    /** @param values the properties */
    public TestConfig(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    @Override
    public <T> T getValue(String name, Class<T> type) {
        return getOptionalValue(name, type).orElseThrow(() -> new NoSuchElementException("No property " + name));
    }

    @Override
    public <T> Optional<T> getOptionalValue(String name, Class<T> type) {
        String value = values.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (type == String.class) {
            return Optional.of(type.cast(value));
        }
        if (type == Integer.class) {
            return Optional.of(type.cast(Integer.valueOf(value)));
        }
        if (type == Boolean.class) {
            return Optional.of(type.cast(Boolean.valueOf(value)));
        }
        throw new UnsupportedOperationException("The test configuration converts to String, Integer and Boolean only, not " + type);
    }

    @Override
    public ConfigValue getConfigValue(String name) {
        String value = values.get(name);
        return new ConfigValue() {
            @Override
            public String getName() {
                return name;
            }

            @Override
            public String getValue() {
                return value;
            }

            @Override
            public String getRawValue() {
                return value;
            }

            @Override
            public String getSourceName() {
                return "test";
            }

            @Override
            public int getSourceOrdinal() {
                return 100;
            }
        };
    }

    @Override
    public Iterable<String> getPropertyNames() {
        return values.keySet();
    }

    @Override
    public Iterable<ConfigSource> getConfigSources() {
        return List.of();
    }

    @Override
    public <T> Optional<Converter<T>> getConverter(Class<T> forType) {
        return Optional.empty();
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        throw new IllegalArgumentException("The test configuration unwraps to nothing");
    }
}
