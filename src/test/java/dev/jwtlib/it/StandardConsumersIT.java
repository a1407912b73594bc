package dev.jwtlib.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Standard consumers accept jwtlib's tokens with nothing of jwtlib's: an independent JOSE
 * library (Nimbus JOSE+JWT) against the JWKS URL, and Open Liberty's own {@code mpJwt-2.1}
 * feature configured only with the JWKS URL and the issuer.
 */
class StandardConsumersIT extends DeployedService {

    @Test
    void nimbusWhenVerifyingAgainstJwksUrlThenOurTokensAcceptedAndTamperedRefused() throws Exception {
        String username = api.newUser("nimbus");
        String token = api.accessToken(username);
        JWKSource<SecurityContext> keys = JWKSourceBuilder
                .create(URI.create(api.base() + "/.well-known/jwks.json").toURL()).retrying(false).build();
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.ES256, keys));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(
                new JWTClaimsSet.Builder().issuer(api.issuer()).build(),
                Set.of("sub", "upn", "groups", "iat", "exp", "jti")));

        JWTClaimsSet claims = processor.process(token, null);
        assertEquals(username, claims.getStringClaim("upn"));
        assertEquals(username, claims.getStringClaim("preferred_username"));
        assertEquals(java.util.List.of("user"), claims.getStringListClaim("groups"));

        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.replace("\"user\"", "\"admin\"").getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertThrows(BadJOSEException.class, () -> processor.process(tampered, null));
    }

    @Test
    void libertyMpJwtWhenConfiguredWithJwksUrlAndIssuerThenUserAcceptedAndAdminRefused() throws Exception {
        assumeTrue("liberty".equals(System.getProperty("jwtlib.it.server")), "a Liberty feature");
        String username = api.newUser("mpjwt");
        String token = api.accessToken(username);
        int port = Integer.getInteger("jwtlib.it.mpjwt.port", 19083);
        // a Liberty of the build's runtime with mpJwt-2.1 and a WAR that has no jwtlib code
        ExtraLibertyServer server = new ExtraLibertyServer("jwtlib-it-mpjwt", "http://localhost:" + port,
                "/mpjwt/api/public");
        server.prepare("""
                <server description="MP-JWT consumer of jwtlib tokens (test)">
                    <featureManager>
                        <feature>restfulWS-3.1</feature>
                        <feature>mpJwt-2.1</feature>
                        <feature>mpConfig-3.1</feature>
                    </featureManager>
                    <httpEndpoint id="defaultHttpEndpoint" host="localhost" httpPort="%d" httpsPort="-1"/>
                    <webAppSecurity singleSignonEnabled="false"/>
                </server>
                """.formatted(port), ResourceServerWars.mpJwtWar("mpjwt", api.base()));
        server.start();
        try {
            Api mpJwt = server.api;
            Api.Reply reply = mpJwt.get("/mpjwt/api/reports", token);
            assertEquals(200, reply.status(), reply.body());
            assertEquals("reports of " + username, reply.body());
            assertEquals(403, mpJwt.get("/mpjwt/api/reports/all", token).status());
            assertEquals(200, mpJwt.get("/mpjwt/api/reports/all", api.adminToken()).status());
            assertEquals(401, mpJwt.get("/mpjwt/api/reports", null).status());
            String[] parts = token.split("\\.");
            assertEquals(401, mpJwt.get("/mpjwt/api/reports", parts[0] + "." + parts[1] + ".AAAA").status());
        } finally {
            server.stop();
        }
    }
}
