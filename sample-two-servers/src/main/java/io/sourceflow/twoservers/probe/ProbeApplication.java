package io.sourceflow.twoservers.probe;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The probe's REST API, under {@code /sourceflow-probe/probe}. */
@ApplicationPath("probe")
public class ProbeApplication extends Application {
}
