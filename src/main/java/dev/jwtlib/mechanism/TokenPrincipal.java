package dev.jwtlib.mechanism;

import dev.jwtlib.verify.VerifiedToken;
import jakarta.security.enterprise.CallerPrincipal;

/** The caller of a request authenticated by an access token, with the token's verified claims. */
public class TokenPrincipal extends CallerPrincipal {

    private final transient VerifiedToken token;

    public TokenPrincipal(VerifiedToken token) {
        super(token.username());
        this.token = token;
    }

    public VerifiedToken token() {
        return token;
    }
}
