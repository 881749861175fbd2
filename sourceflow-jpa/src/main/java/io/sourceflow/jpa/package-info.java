/**
 * The JPA stores: the command log, saga entities and view models in one JTA persistence unit, so
 * that everything a command does commits or rolls back with the caller's transaction. Adding this
 * module to an application replaces the in-memory stores ({@code @Alternative @Priority}, enabled
 * for the whole application).
 *
 * <h2>Setting up the persistence unit</h2>
 * The stores use the container-managed entity manager of the reference
 * {@value io.sourceflow.jpa.JpaContext#REFERENCE_NAME}, which by default belongs to the module's
 * only persistence unit. The application owns that unit: it lists its own entities (saga entities
 * and view models that are JPA entities) and includes SourceFlow's mapping file:
 * <pre>{@code
 * <persistence-unit name="sourceflow" transaction-type="JTA">
 *   <jta-data-source>jdbc/sourceflow</jta-data-source>
 *   <mapping-file>META-INF/sourceflow/orm.xml</mapping-file>
 *   <class>com.example.AccountSummary</class>
 *   <properties>
 *     <property name="eclipselink.jdbc.batch-writing" value="JDBC"/>
 *   </properties>
 * </persistence-unit>
 * }</pre>
 * An application with several units maps the reference to one of them in {@code web.xml}
 * ({@code <persistence-context-ref>} named {@value io.sourceflow.jpa.JpaContext#REFERENCE_NAME}
 * with its {@code <persistence-unit-name>}). The data source is the unit's; {@code jdbc/sourceflow}
 * is the conventional JNDI name, bound by the server's configuration.
 *
 * <p>Why not MicroProfile Config for the unit and the data source: Jakarta Persistence 3.1 has no
 * portable way to pick a container-managed persistence unit at run time (the unit of
 * {@code @PersistenceContext} is fixed when the application is deployed), and a unit the library
 * bootstrapped itself would be a second one beside the container's, with its own cache and outside
 * the container's management. The standard deployment-descriptor override keeps one unit, managed
 * by the container, and needs no configuration in the common one-unit case.
 *
 * <p>The stores use only Jakarta Persistence; they are tested with EclipseLink (Open Liberty's
 * provider) and with Hibernate ORM 6.6 (WildFly's). On Hibernate, enable its JDBC batching
 * ({@code hibernate.jdbc.batch_size}) where the EclipseLink unit has {@code eclipselink.jdbc.batch-writing}.
 *
 * <h2>Schema</h2>
 * Versioned migrations for PostgreSQL, MariaDB, H2 and Derby ship in
 * {@code META-INF/sourceflow/db/migration/<database>/} in Flyway's layout ({@code V1__...sql},
 * {@code V2__...sql}); run them with a history table of their own. The whole current schema is also
 * DDL for PostgreSQL, MariaDB (10.7 and later; also for MySQL 8), H2 and Derby in
 * {@code META-INF/sourceflow/ddl/}, one statement per line,
 * each ending with {@code ;}, so that psql, ij, the providers' script runners or a plain
 * line-by-line runner can execute it. For development the provider can create the tables instead
 * ({@code jakarta.persistence.schema-generation.database.action}), from the mapping or from the
 * shipped script ({@code create-source=script}, tested with EclipseLink and Hibernate on H2 and
 * PostgreSQL). Derby rejects a statement that ends with {@code ;} and EclipseLink's script runner
 * passes each line on as it is, so on Derby run the migrations or the script with ij. The JSON columns (payload, metadata, document
 * body, dead-letter body, headers and error) are mapped {@code @Lob}, so generated tables use a
 * large-object type ({@code CLOB} on Derby, whose {@code VARCHAR} stops at 32,672 characters, and
 * on H2); the shipped DDL declares {@code CLOB} on Derby and H2, {@code text} on PostgreSQL and
 * {@code LONGTEXT} on MariaDB. On MariaDB the tables use {@code utf8mb4_bin}, so that ids compare as
 * Java compares them (the default collations ignore case: {@code A-1} and {@code a-1} would be one
 * entity), and {@code DATETIME(6)} (UTC, without {@code TIMESTAMP}'s 2038 limit).
 *
 * <h2>Conflicts</h2>
 * Losing a race to another writer (the log's primary key, a stale {@code @Version}, a serialization
 * failure, a deadlock, a lock timeout) becomes a {@link io.sourceflow.ConcurrencyException}, which
 * the bus retries. It is recognised by SQLState where the database reports a specific one and by
 * vendor code where the SQLState is generic (MySQL/MariaDB, Oracle, SQL Server; tested for real on
 * PostgreSQL and MariaDB, from the vendors' documentation for Oracle, SQL Server and DB2). A
 * unique violation in the application's own tables, flushed with the command, is still taken for a
 * conflict: the store cannot tell it from the race on its own tables without the constraint's name.
 *
 * <h2>Round trips per command</h2>
 * The first command of an entity in a transaction locks the entity (its first log row, for update)
 * and reads its last sequence number as the rows after the last number this store saw committed for
 * it (normally none; all of them only the first time after a start): two statements, after which
 * writers of the same entity wait for the transaction to end instead of failing. Then the
 * reads of the entity and view models (served by the provider's shared cache where it has one), and
 * one flush per command ({@link io.sourceflow.jpa.FlushPerCommand}) whose statements are batched when
 * the unit enables JDBC batch writing; then the commit. Later commands of the same entity in the same
 * transaction follow the transaction's own claims. A new entity has no row to lock: two writers
 * creating it meet on the log's primary key, and the loser's
 * {@link io.sourceflow.ConcurrencyException} is retried by the bus. Log rows must not be deleted
 * while the application runs.
 *
 * <p>On PostgreSQL the lock, the number and the log row are one statement
 * ({@code PostgresClaims}): a transaction-scoped advisory lock keyed by the entity
 * (new entities have one too, so their writers wait rather than fail) and an insert of the row under
 * the number after the last one this store saw committed, which does nothing when that number is
 * taken; then, under the lock, the last number is read and the next one claimed. The advisory locks'
 * first key is 1397124215 ({@code 0x53466c77}); an application's own advisory
 * locks should use another. Servers of an earlier version, which lock the first log row instead, do
 * not wait for this lock during a rolling upgrade: the log's primary key still decides, and the loser
 * is retried.
 *
 * <p>Every parameter and return value in this package is non-null unless its documentation says
 * otherwise.
 */
package io.sourceflow.jpa;
