package dev.jwtlib.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
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
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
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
                new JWTClaimsSet.Builder().issuer("jwtlib").build(),
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
        MpJwtServer server = new MpJwtServer(api.base());
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

    /** A Liberty server of the build's runtime with mpJwt-2.1 and a WAR that has no jwtlib code. */
    private static final class MpJwtServer {

        private static final String NAME = "jwtlib-it-mpjwt";
        private static final int PORT = Integer.getInteger("jwtlib.it.mpjwt.port", 19083);
        final Api api = new Api("http://localhost:" + PORT);
        private final String issuerBase;
        private final Path wlp = Path.of(System.getProperty("jwtlib.it.wlp"));

        MpJwtServer(String issuerBase) {
            this.issuerBase = issuerBase;
        }

        void start() throws IOException, InterruptedException {
            Path server = wlp.resolve("usr/servers").resolve(NAME);
            if (!Files.isDirectory(server)) {
                run("create");
            }
            Files.writeString(server.resolve("server.xml"), """
                    <server description="MP-JWT consumer of jwtlib tokens (test)">
                        <featureManager>
                            <feature>restfulWS-3.1</feature>
                            <feature>mpJwt-2.1</feature>
                            <feature>mpConfig-3.1</feature>
                        </featureManager>
                        <httpEndpoint id="defaultHttpEndpoint" host="localhost" httpPort="%d" httpsPort="-1"/>
                        <webAppSecurity singleSignonEnabled="false"/>
                    </server>
                    """.formatted(PORT));
            WebArchive war = ResourceServerWars.mpJwtWar("mpjwt", issuerBase);
            Files.createDirectories(server.resolve("dropins"));
            war.as(ZipExporter.class).exportTo(server.resolve("dropins/mpjwt.war").toFile(), true);
            run("start");
            for (int i = 0; i < 240; i++) {
                try {
                    if (api.get("/mpjwt/api/public", null).status() == 200) {
                        return;
                    }
                } catch (RuntimeException notYet) {
                    // connection refused while the server starts
                }
                Thread.sleep(500);
            }
            throw new IllegalStateException("the MP-JWT server did not start; see " + server.resolve("logs"));
        }

        void stop() throws IOException, InterruptedException {
            run("stop");
        }

        private void run(String action) throws IOException, InterruptedException {
            Process process = new ProcessBuilder(wlp.resolve("bin/server").toString(), action, NAME)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            assertTrue(process.waitFor(120, TimeUnit.SECONDS), "server " + action + " " + NAME);
        }
    }
}
