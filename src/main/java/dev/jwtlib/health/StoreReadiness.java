package dev.jwtlib.health;

import dev.jwtlib.store.MongoStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the user store answers a ping. */
@Readiness
@ApplicationScoped
public class StoreReadiness implements HealthCheck {

    @Inject
    MongoStore store;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("user-store").status(store.isReachable()).build();
    }
}
