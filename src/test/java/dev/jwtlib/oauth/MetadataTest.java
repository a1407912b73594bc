package dev.jwtlib.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MetadataTest {

    @Test
    void ofThenEveryEndpointUnderTheIssuerAndNoAuthorizationEndpointClaimed() {
        Metadata metadata = Metadata.of("https://auth.example.com/", "ES256");
        assertEquals("https://auth.example.com/", metadata.issuer(), "the issuer exactly as the tokens carry it");
        assertEquals("https://auth.example.com/oauth2/token", metadata.tokenEndpoint());
        assertEquals("https://auth.example.com/.well-known/jwks.json", metadata.jwksUri());
        assertEquals("https://auth.example.com/api/auth/introspect", metadata.introspectionEndpoint());
        assertEquals("https://auth.example.com/oauth2/revoke", metadata.revocationEndpoint());
        assertEquals(List.of("client_credentials", "refresh_token"), metadata.grantTypesSupported());
        assertTrue(metadata.responseTypesSupported().isEmpty(), "no authorization endpoint, so no response type");
        assertEquals(List.of("ES256"), metadata.accessTokenSigningAlgValuesSupported());
        assertEquals("https://auth.example.com/auth/oauth2/token", Metadata.of("https://auth.example.com/auth", "ES256")
                .tokenEndpoint());
    }
}
