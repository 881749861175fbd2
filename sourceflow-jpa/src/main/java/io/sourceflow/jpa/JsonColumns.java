package io.sourceflow.jpa;

import io.sourceflow.spi.Serializer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hibernate.type.SqlTypes;

/**
 * How the JSON text columns (payload, metadata, document body, dead-letter body, headers, error)
 * are mapped, for every provider and database.
 *
 * <p>They are {@code @Lob}, so that a provider generating the tables uses a large-object or
 * unbounded text type: EclipseLink makes {@code CLOB} on Derby (whose {@code VARCHAR} stops at
 * 32,672 characters) and H2, {@code TEXT} on PostgreSQL. Hibernate ORM would map a {@code @Lob}
 * string to a PostgreSQL large object ({@code oid}, written with {@code setClob}), which fails on
 * the shipped {@code text} columns; so the fields also carry Hibernate's
 * {@code @JdbcTypeCode(}{@value #HIBERNATE_TYPE}{@code )} ({@code SqlTypes.LONG32VARCHAR}): a string
 * bound with {@code setString}, {@code text} on PostgreSQL, a large type on H2 and Derby. That
 * annotation is Hibernate's; where Hibernate is absent (EclipseLink on Open Liberty) the JVM skips
 * an annotation whose class it cannot load, so the module needs Hibernate only to compile.
 */
final class JsonColumns {

    /** 10 MiB characters: bounds the {@code CLOB(n)} a provider may generate; the shipped DDL is unbounded. */
    static final int LENGTH = 10_485_760;

    /** Hibernate's type code for the JSON columns: {@link SqlTypes#LONG32VARCHAR}. */
    static final int HIBERNATE_TYPE = SqlTypes.LONG32VARCHAR;

    private JsonColumns() {
    }

    /** Reads a column that holds a JSON object of strings (message headers or properties). */
    static Map<String, String> strings(Serializer serializer, String json) {
        Map<?, ?> stored = serializer.deserialize(json, Map.class);
        Map<String, String> strings = new LinkedHashMap<>();
        stored.forEach((name, value) -> strings.put(String.valueOf(name), String.valueOf(value)));
        return strings;
    }
}
