package io.sourceflow.jpa;

/** The declared length of JSON text columns, for providers that generate the schema. */
final class JsonColumns {

    /** 10 MiB characters: PostgreSQL's largest {@code varchar}; the shipped DDL uses unbounded text types. */
    static final int LENGTH = 10_485_760;

    private JsonColumns() {
    }
}
