package dev.jwtlib.oauth;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/**
 * The authorization server metadata (RFC 8414 section 2) that standard clients configure
 * themselves from, given only the issuer. It claims no authorization endpoint: there is none.
 */
@JsonbPropertyOrder({"issuer", "jwksUri", "tokenEndpoint", "introspectionEndpoint", "revocationEndpoint",
        "grantTypesSupported", "responseTypesSupported", "tokenEndpointAuthMethodsSupported",
        "introspectionEndpointAuthMethodsSupported", "revocationEndpointAuthMethodsSupported",
        "accessTokenSigningAlgValuesSupported", "serviceDocumentation"})
public record Metadata(
        @JsonbProperty("issuer") String issuer,
        @JsonbProperty("jwks_uri") String jwksUri,
        @JsonbProperty("token_endpoint") String tokenEndpoint,
        @JsonbProperty("introspection_endpoint") String introspectionEndpoint,
        @JsonbProperty("revocation_endpoint") String revocationEndpoint,
        @JsonbProperty("grant_types_supported") List<String> grantTypesSupported,
        @JsonbProperty("response_types_supported") List<String> responseTypesSupported,
        @JsonbProperty("token_endpoint_auth_methods_supported") List<String> tokenEndpointAuthMethodsSupported,
        @JsonbProperty("introspection_endpoint_auth_methods_supported") List<String> introspectionEndpointAuthMethodsSupported,
        @JsonbProperty("revocation_endpoint_auth_methods_supported") List<String> revocationEndpointAuthMethodsSupported,
        @JsonbProperty("access_token_signing_alg_values_supported") List<String> accessTokenSigningAlgValuesSupported,
        @JsonbProperty("service_documentation") String serviceDocumentation) {

    private static final List<String> CLIENT_SECRET = List.of("client_secret_basic", "client_secret_post");
    /** The first-party login refreshes and revokes as a public client, without authentication. */
    private static final List<String> CLIENT_SECRET_OR_NONE = List.of("client_secret_basic", "client_secret_post", "none");

    /** The metadata of the service whose issuer is {@code issuer} and that signs with {@code algorithm}. */
    public static Metadata of(String issuer, String algorithm) {
        String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        return new Metadata(issuer, base + "/.well-known/jwks.json", base + "/oauth2/token", base + "/api/auth/introspect",
                base + "/oauth2/revoke", List.of("client_credentials", "refresh_token"), List.of(), CLIENT_SECRET_OR_NONE,
                CLIENT_SECRET, CLIENT_SECRET_OR_NONE, List.of(algorithm),
                base + "/openapi");
    }
}
