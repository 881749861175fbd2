package io.sourceflow.upgrade.server;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The REST API under {@code /api}. */
@ApplicationPath("api")
public class UpgradeApplication extends Application {
}
