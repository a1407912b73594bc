package dev.jwtlib.http;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.time.Clock;

/**
 * Counts each call of an unauthenticated endpoint (those marked {@link RateLimited}) against its
 * source address's {@link RateLimiter}, before the body is read: {@code 429} with
 * {@code Retry-After} over {@code jwtlib.rate-limit.per-source} calls a minute.
 */
@Provider
@RateLimited
@Priority(Priorities.AUTHORIZATION)
@ApplicationScoped
public class SourceRateLimit implements ContainerRequestFilter {

    @Inject
    HttpServletRequest request;
    @Inject
    HttpSettings settings;
    @Inject
    ClientAddresses addresses;
    @Inject
    Clock clock;

    private RateLimiter limiter;

    @PostConstruct
    void init() {
        limiter = new RateLimiter(settings.perSourcePerMinute(), clock);
    }

    @Override
    public void filter(ContainerRequestContext context) {
        if (settings.perSourcePerMinute() > 0) {
            limiter.take(addresses.limitKey(request));
        }
    }
}
