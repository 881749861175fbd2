package io.sourceflow.jpa;

/**
 * The declared length of the JSON text columns, which are mapped as {@code @Lob} so that every
 * provider generates a large-object or unbounded text type: {@code CLOB} on Derby (whose
 * {@code VARCHAR} stops at 32,672 characters) and H2, {@code text} on PostgreSQL. The length only
 * bounds the {@code CLOB(n)} a provider may generate; the shipped DDL declares unbounded types.
 */
final class JsonColumns {

    /** 10 MiB characters. */
    static final int LENGTH = 10_485_760;

    private JsonColumns() {
    }
}
