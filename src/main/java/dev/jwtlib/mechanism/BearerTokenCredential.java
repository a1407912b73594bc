package dev.jwtlib.mechanism;

import jakarta.security.enterprise.credential.Credential;

/** An access token presented as {@code Authorization: Bearer}. */
public record BearerTokenCredential(String token) implements Credential {

    @Override
    public String toString() {
        return "BearerTokenCredential[***]";
    }
}
