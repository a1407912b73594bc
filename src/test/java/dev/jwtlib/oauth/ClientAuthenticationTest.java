package dev.jwtlib.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jwtlib.audit.SecurityEvents;
import dev.jwtlib.error.TooManyRequests;
import dev.jwtlib.testing.InMemoryClients;
import dev.jwtlib.testing.MutableClock;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** RFC 6749 section 2.3.1 client authentication, as the clients others wrote send it. */
class ClientAuthenticationTest {

    private static final String ID = "plain-svc";
    private static final String SECRET = "a secret with spaces + plus % and : colon";
    private static final String HERE = "192.0.2.1";

    private final MutableClock clock = new MutableClock();
    private final ClientAuthentication authentication = new ClientAuthentication();

    @BeforeEach
    void start() {
        InMemoryClients clients = new InMemoryClients();
        clients.insert(new OAuthClient(ID, ClientSecrets.digest(SECRET), List.of("service"), "", 0L, 0L));
        authentication.clients = clients;
        authentication.events = new SecurityEvents(clock);
        authentication.clock = clock;
        authentication.init();
    }

    private static String basic(String id, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    private static String form(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private ClientAuthentication.Result basicFrom(String source, String id, String secret) {
        return authentication.authenticate(basic(id, secret), null, null, source);
    }

    @Test
    void authenticateWhenBasicFormEncodedAsTheRfcSaysThenTheClient() {
        // what Spring Security, Nimbus and openid-client send: "plain%2Dsvc", "a+secret+with+spaces+%2B+plus..."
        String encodedId = form(ID).replace("-", "%2D");
        ClientAuthentication.Result result = basicFrom(HERE, encodedId, form(SECRET));
        assertEquals(ID, assertInstanceOf(ClientAuthentication.Authenticated.class, result).client().clientId());
    }

    @Test
    void authenticateWhenBasicSentAsItIsThenTheClientToo() {
        // curl -u id:secret and many hand-written clients do not encode; '+' and '%' must survive that
        assertInstanceOf(ClientAuthentication.Authenticated.class, basicFrom(HERE, ID, SECRET));
    }

    @Test
    void authenticateWhenClientSecretPostThenTheClient() {
        assertInstanceOf(ClientAuthentication.Authenticated.class, authentication.authenticate(null, ID, SECRET, HERE));
    }

    @Test
    void authenticateWhenNothingThenAnonymousAndWhenBothWaysOrHalfThenFailed() {
        assertInstanceOf(ClientAuthentication.Anonymous.class, authentication.authenticate(null, null, null, HERE));
        assertInstanceOf(ClientAuthentication.Failed.class, authentication.authenticate(basic(ID, SECRET), ID, SECRET, HERE),
                "RFC 6749 section 2.3: one method per request");
        assertInstanceOf(ClientAuthentication.Anonymous.class, authentication.authenticate(null, ID, null, HERE),
                "a client_id alone authenticates nothing, whichever client it names");
        assertInstanceOf(ClientAuthentication.Anonymous.class, authentication.authenticate(null, "my-spa", null, HERE),
                "a public client may name itself (RFC 6749 section 3.2.1)");
        assertInstanceOf(ClientAuthentication.Authenticated.class, authentication.authenticate(basic(ID, SECRET), ID, null, HERE),
                "the form naming the same client as Basic is no second method");
        assertInstanceOf(ClientAuthentication.Failed.class, authentication.authenticate(basic(ID, SECRET), "other-svc", null,
                HERE));
        assertInstanceOf(ClientAuthentication.Failed.class, authentication.authenticate(null, null, SECRET, HERE));
        assertInstanceOf(ClientAuthentication.Failed.class, authentication.authenticate("Basic !!!", null, null, HERE));
        assertInstanceOf(ClientAuthentication.Failed.class, authentication.authenticate("Basic "
                + Base64.getEncoder().encodeToString("no colon".getBytes(StandardCharsets.UTF_8)), null, null, HERE));
        assertInstanceOf(ClientAuthentication.Failed.class, basicFrom(HERE, ID, SECRET + "x"));
        assertInstanceOf(ClientAuthentication.Failed.class, basicFrom(HERE, "nobody", SECRET));
    }

    @Test
    void authenticateWhenAnAddressFailsTooOftenThenItsFailuresAre429AndTheRightSecretStillWorksEverywhere() {
        for (int i = 0; i < ClientAuthentication.FAILURES_PER_MINUTE; i++) {
            assertInstanceOf(ClientAuthentication.Failed.class, basicFrom("203.0.113.9", ID, "guess " + i));
        }
        assertThrows(TooManyRequests.class, () -> basicFrom("203.0.113.9", ID, "one more guess"));
        assertInstanceOf(ClientAuthentication.Authenticated.class, basicFrom("203.0.113.9", ID, SECRET),
                "the right secret keeps working, even from that address (a shared NAT)");
        assertInstanceOf(ClientAuthentication.Authenticated.class, basicFrom(HERE, ID, SECRET));
    }

    @Test
    void authenticateWhenFreshThenTheStoreDecidesNotTheLastSecondsCache() {
        assertInstanceOf(ClientAuthentication.Authenticated.class, basicFrom(HERE, ID, SECRET));
        // another instance gives the client a new secret: this one's cache still has the old
        authentication.clients.replaceSecret(ID, ClientSecrets.digest("the new secret of the client, long"), clock.instant());
        assertInstanceOf(ClientAuthentication.Authenticated.class, basicFrom(HERE, ID, SECRET), "cached for a few seconds");
        assertInstanceOf(ClientAuthentication.Failed.class,
                authentication.authenticate(basic(ID, SECRET), null, null, HERE, true), "never when a token is to be issued");
    }

    @Test
    void authenticateWhenTheRightSecretOftenThenNeverThrottled() {
        for (int i = 0; i < 3 * ClientAuthentication.FAILURES_PER_MINUTE; i++) {
            assertInstanceOf(ClientAuthentication.Authenticated.class, basicFrom(HERE, ID, SECRET));
        }
    }

    @Test
    void authenticateWhenIpv6AddressesOfOneNetworkFailThenTheyShareOneBudget() {
        for (int i = 0; i < ClientAuthentication.FAILURES_PER_MINUTE; i++) {
            basicFrom("2001:db8:1:2::" + Integer.toHexString(i + 1), ID, "guess " + i);
        }
        assertThrows(TooManyRequests.class, () -> basicFrom("2001:db8:1:2::ffff", ID, "guess"),
                "a new address of the same /64 is the same source");
    }
}
