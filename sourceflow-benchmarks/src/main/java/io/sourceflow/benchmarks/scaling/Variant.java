package io.sourceflow.benchmarks.scaling;

/** The two command MDBs measured: SourceFlow's (the sample's) and the plain-MDB baseline. */
enum Variant {
    /** The sample's {@code CommandListener} handing each message to SourceFlow's {@code JmsInbound}. */
    SOURCEFLOW("sourceflow", "sourceflow.commands", "sourceflow-sample#sourceflow-sample.war#CommandListener",
            "SELECT count(*) FROM sourceflow_command WHERE entity_id LIKE ?"),
    /** {@code BaselineListener}: the same writes in plain JDBC. */
    BASELINE("plain-mdb-jdbc", "bench.baseline", "benchmarks-baseline#benchmarks-baseline.war#BaselineListener",
            "SELECT count(*) FROM bench_log WHERE entity_id LIKE ?");

    private final String label;
    private final String queue;
    private final String endpoint;
    private final String countSql;

    Variant(String label, String queue, String endpoint, String countSql) {
        this.label = label;
        this.queue = queue;
        this.endpoint = endpoint;
        this.countSql = countSql;
    }

    String label() {
        return label;
    }

    String queue() {
        return queue;
    }

    /** The MDB's message endpoint, as Liberty's {@code server pause --target} names it. */
    String endpoint() {
        return endpoint;
    }

    /** Counts the logged commands of the entities whose id is LIKE the parameter. */
    String countSql() {
        return countSql;
    }
}
