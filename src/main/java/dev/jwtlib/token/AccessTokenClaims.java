package dev.jwtlib.token;

import dev.jwtlib.verify.TokenSettings;
import dev.jwtlib.verify.VerifiedToken;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The claims of an access token, MicroProfile JWT compatible: {@code iss, sub, upn,
 * preferred_username, groups, iat, exp, jti}, {@code aud} when configured, {@code sid}, the
 * login (refresh family) the token belongs to, so that ending a login ends its access tokens,
 * {@code amr} (RFC 8176) on a user's token, and {@code client_id} on a client's own token.
 */
final class AccessTokenClaims {

    private AccessTokenClaims() {
    }

    static Map<String, Object> of(TokenSubject subject, String sessionId, List<String> amr, TokenSettings settings,
                                  Instant issuedAt, String jti) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", settings.issuer());
        claims.put("sub", subject.userId());
        claims.put("upn", subject.username());
        claims.put("preferred_username", subject.username());
        claims.put("groups", List.copyOf(new TreeSet<>(subject.roles())));
        settings.audience().ifPresent(aud -> claims.put("aud", aud));
        claims.put("iat", issuedAt.getEpochSecond());
        claims.put("exp", issuedAt.plus(settings.ttl()).getEpochSecond());
        claims.put("jti", jti);
        if (sessionId != null) {
            claims.put(VerifiedToken.SESSION_ID_CLAIM, sessionId);
        }
        if (amr != null && !amr.isEmpty()) {
            claims.put(Amr.CLAIM, List.copyOf(amr));
        }
        if (subject.clientId() != null) {
            claims.put(VerifiedToken.CLIENT_ID_CLAIM, subject.clientId());
        }
        return claims;
    }
}
