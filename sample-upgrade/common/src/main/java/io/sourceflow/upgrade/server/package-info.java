/**
 * What both releases of the upgrade application share: the MDBs that take commands and events from
 * the other server, the switch that leaves the saga out on a server that only serves views, the
 * dead-letter endpoint, and the schema migrations run at start.
 */
package io.sourceflow.upgrade.server;
