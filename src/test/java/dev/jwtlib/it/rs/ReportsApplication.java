package dev.jwtlib.it.rs;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The JAX-RS application of the small resource-server WARs the integration tests deploy. */
@ApplicationPath("/api")
public class ReportsApplication extends Application {
}
