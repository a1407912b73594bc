package dev.jwtlib.client;

import dev.jwtlib.mechanism.AccessTokenCheck;
import dev.jwtlib.mechanism.ForMode;
import dev.jwtlib.mechanism.Mode;
import dev.jwtlib.verify.CachingTokenVerifier;
import dev.jwtlib.verify.TokenSettings;
import dev.jwtlib.verify.VerifiedToken;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import org.eclipse.microprofile.config.Config;

/**
 * {@code jwtlib.mode=jwks}: verifies tokens in this application with the auth service's
 * published keys: the same verifier as the auth service (one pinned algorithm and issuer,
 * required claims, clock skew), the same cache of verified tokens. The auth service is not asked
 * about single tokens, so a revoked token is accepted here until it expires.
 */
@ApplicationScoped
@ForMode(Mode.JWKS)
public class JwksTokenCheck implements AccessTokenCheck {

    @Inject
    Config config;

    private final Clock clock = Clock.systemUTC();
    private TokenSettings tokenSettings;
    private RemoteSettings remote;
    private CachingTokenVerifier verifier;

    @PostConstruct
    void init() {
        remote = RemoteSettings.from(config);
        tokenSettings = TokenSettings.from(config, remote.baseUrl().orElse(""));
        if (tokenSettings.issuer().isEmpty()) {
            remote.authServiceUrl(); // says which setting is missing
        }
        RemoteJwks jwks = new RemoteJwks(remote.jwksUrl(), tokenSettings.algorithm(), remote.jwksCacheTtl(),
                remote.jwksMinRefresh(), new AuthServiceClient(remote.connectTimeout(), remote.timeout()), clock);
        verifier = new CachingTokenVerifier(tokenSettings, jwks::key, clock);
    }

    @Override
    public VerifiedToken verify(String token) {
        return verifier.verify(token);
    }

    @Override
    public String describe() {
        return "jwks: tokens verified here with the keys from " + remote.jwksUrl() + " (issuer '"
                + tokenSettings.issuer() + "', " + tokenSettings.algorithm().jwsName() + ", audience "
                + tokenSettings.audience().map(a -> "'" + a + "'").orElse("not checked") + "), keys kept "
                + remote.jwksCacheTtl() + " and fetched at most every " + remote.jwksMinRefresh()
                + "; a revoked token is accepted until it expires (at most " + tokenSettings.ttl() + ")";
    }
}
