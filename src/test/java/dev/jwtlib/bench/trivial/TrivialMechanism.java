package dev.jwtlib.bench.trivial;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Hashtable;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The cheapest Jakarta Security mechanism there can be, for the benchmark's ceiling (P1c): it
 * compares the {@code Authorization} header with a constant, offers Liberty's authentication
 * cache a constant key (as jwtlib offers one per token) and logs the caller in. No token is
 * parsed, no signature, expiry or revocation checked: what no real mechanism can go below.
 */
@ApplicationScoped
public class TrivialMechanism implements HttpAuthenticationMechanism {

    private static final String SERVER_CACHE_KEY = "com.ibm.wsspi.security.cred.cacheKey";
    private static final Set<String> GROUPS = Set.of("user");

    private String expected;

    @PostConstruct
    void init() {
        expected = "Bearer " + ConfigProvider.getConfig().getValue("bench.trivial.token", String.class);
    }

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        if (!context.isProtected()) {
            return context.doNothing();
        }
        if (!expected.equals(request.getHeader("Authorization"))) {
            return context.responseUnauthorized();
        }
        var subject = context.getClientSubject();
        if (subject != null) {
            Hashtable<String, Object> hints = new Hashtable<>();
            hints.put(SERVER_CACHE_KEY, "trivial:u");
            subject.getPrivateCredentials().add(hints);
        }
        return context.notifyContainerAboutLogin("u", GROUPS);
    }
}
