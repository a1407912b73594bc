package dev.jwtlib.it;

import static dev.jwtlib.it.Api.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResourceOwnerPasswordCredentialsGrant;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenIntrospectionRequest;
import com.nimbusds.oauth2.sdk.TokenIntrospectionResponse;
import com.nimbusds.oauth2.sdk.TokenIntrospectionSuccessResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

/**
 * Nimbus OAuth 2.0 SDK (com.nimbusds:oauth2-oidc-sdk), a client library many Java services use,
 * against the real service with nothing configured but the issuer: discovery (RFC 8414),
 * {@code client_credentials} with {@code client_secret_basic} and {@code client_secret_post},
 * introspection (RFC 7662), revocation (RFC 7009), the {@code refresh_token} grant of a public
 * client, and the OAuth errors it parses.
 */
class NimbusOAuthClientIT extends DeployedService {

    private AuthorizationServerMetadata metadata() throws Exception {
        return AuthorizationServerMetadata.resolve(new Issuer(api.issuer()));
    }

    /** Sends as the test's own source address, like {@link Api} does. */
    private HTTPResponse send(HTTPRequest request) throws Exception {
        request.setHeader("X-Forwarded-For", api.source());
        return request.send();
    }

    private static ClientAuthentication basic(Api.Client client) {
        return new ClientSecretBasic(new ClientID(client.id()), new Secret(client.secret()));
    }

    @Test
    void discoveryThenEveryEndpointAndMethodAStandardClientNeeds() throws Exception {
        AuthorizationServerMetadata metadata = metadata();
        assertEquals(api.issuer(), metadata.getIssuer().getValue());
        assertEquals(api.issuer() + "/oauth2/token", metadata.getTokenEndpointURI().toString());
        assertTrue(metadata.getGrantTypes().contains(GrantType.CLIENT_CREDENTIALS));
        assertTrue(metadata.getGrantTypes().contains(GrantType.REFRESH_TOKEN));
        assertFalse(metadata.getGrantTypes().contains(GrantType.PASSWORD));
        assertTrue(metadata.getTokenEndpointAuthMethods().contains(ClientAuthenticationMethod.CLIENT_SECRET_BASIC));
        assertTrue(metadata.getTokenEndpointAuthMethods().contains(ClientAuthenticationMethod.CLIENT_SECRET_POST));
        assertNull(metadata.getAuthorizationEndpointURI(), "there is none, and none is claimed");
        assertEquals(200, send(new HTTPRequest(HTTPRequest.Method.GET, metadata.getJWKSetURI())).getStatusCode());
    }

    @Test
    void clientCredentialsWithEitherSecretMethodThenATokenOfTheClientsOwn() throws Exception {
        AuthorizationServerMetadata metadata = metadata();
        Api.Client client = api.newClient("nimbus-svc", "nimbus client's secret: spaces, + and %");
        for (ClientAuthentication auth : new ClientAuthentication[] {basic(client),
                new ClientSecretPost(new ClientID(client.id()), new Secret(client.secret()))}) {
            TokenResponse response = TokenResponse.parse(send(new TokenRequest(metadata.getTokenEndpointURI(), auth,
                    new ClientCredentialsGrant(), null).toHTTPRequest()));
            assertTrue(response.indicatesSuccess(), auth.getMethod() + ": " + response);
            AccessTokenResponse success = response.toSuccessResponse();
            assertNull(success.getTokens().getRefreshToken(), "client_credentials gives no refresh token");
            AccessToken token = success.getTokens().getAccessToken();
            assertTrue(token.getLifetime() > 0);
            SignedJWT jwt = SignedJWT.parse(token.getValue());
            assertEquals(api.issuer(), jwt.getJWTClaimsSet().getIssuer());
            assertEquals(client.id(), jwt.getJWTClaimsSet().getSubject());
            assertEquals(client.id(), jwt.getJWTClaimsSet().getStringClaim("client_id"));
        }
    }

    @Test
    void introspectionThenTheRfc7662MembersNimbusReads() throws Exception {
        AuthorizationServerMetadata metadata = metadata();
        Api.Client client = api.newClient("nimbus-introspector");
        String username = api.newUser("nimbus-subject");
        String userToken = api.accessToken(username);
        TokenIntrospectionResponse response = TokenIntrospectionResponse.parse(send(new TokenIntrospectionRequest(
                metadata.getIntrospectionEndpointURI(), basic(client), new BearerAccessToken(userToken)).toHTTPRequest()));
        assertTrue(response.indicatesSuccess(), response.toString());
        TokenIntrospectionSuccessResponse answer = response.toSuccessResponse();
        assertTrue(answer.isActive());
        assertEquals(username, answer.getUsername());
        assertEquals(api.issuer(), answer.getIssuer().getValue());
        assertTrue(answer.getExpirationTime().toInstant().isAfter(answer.getIssueTime().toInstant()));
        assertEquals("Bearer", answer.getTokenType().getValue());

        TokenIntrospectionSuccessResponse ofClient = TokenIntrospectionResponse.parse(send(new TokenIntrospectionRequest(
                metadata.getIntrospectionEndpointURI(), basic(client), new BearerAccessToken(api.clientToken(client)))
                .toHTTPRequest())).toSuccessResponse();
        assertTrue(ofClient.isActive());
        assertEquals(client.id(), ofClient.getClientID().getValue());

        HTTPResponse refused = send(new TokenIntrospectionRequest(metadata.getIntrospectionEndpointURI(),
                new ClientSecretBasic(new ClientID(client.id()), new Secret("wrong")), new BearerAccessToken(userToken))
                .toHTTPRequest());
        assertEquals(401, refused.getStatusCode());
        assertTrue(refused.getHeaderValue("WWW-Authenticate").startsWith("Basic"));
    }

    @Test
    void revocationThenTheAccessTokenIsInactiveAndARefreshTokensLoginEnds() throws Exception {
        AuthorizationServerMetadata metadata = metadata();
        Api.Client client = api.newClient("nimbus-revoker");
        JsonObject login = api.login(api.newUser("nimbus-revoked"), PASSWORD);
        HTTPResponse revoked = send(new TokenRevocationRequest(metadata.getRevocationEndpointURI(), basic(client),
                new BearerAccessToken(login.getString("access_token"))).toHTTPRequest());
        assertEquals(200, revoked.getStatusCode());
        assertFalse(TokenIntrospectionResponse.parse(send(new TokenIntrospectionRequest(metadata.getIntrospectionEndpointURI(),
                basic(client), new BearerAccessToken(login.getString("access_token"))).toHTTPRequest()))
                .toSuccessResponse().isActive());

        // a public client (the first-party login) revokes its refresh token naming only itself
        HTTPResponse ended = send(new TokenRevocationRequest(metadata.getRevocationEndpointURI(), new ClientID("web-app"),
                new RefreshToken(login.getString("refresh_token"))).toHTTPRequest());
        assertEquals(200, ended.getStatusCode());
        TokenResponse refresh = TokenResponse.parse(send(new TokenRequest(metadata.getTokenEndpointURI(), new ClientID("web-app"),
                new RefreshTokenGrant(new RefreshToken(login.getString("refresh_token")))).toHTTPRequest()));
        assertEquals(OAuth2Error.INVALID_GRANT.getCode(), ((TokenErrorResponse) refresh).getErrorObject().getCode());
        assertEquals(200, send(new TokenRevocationRequest(metadata.getRevocationEndpointURI(), basic(client),
                new BearerAccessToken("never-issued")).toHTTPRequest()).getStatusCode(), "any token: 200 (RFC 7009 2.2)");
    }

    @Test
    void refreshTokenGrantThenANewPairOnceAndReuseIsAnInvalidGrant() throws Exception {
        AuthorizationServerMetadata metadata = metadata();
        JsonObject login = api.login(api.newUser("nimbus-refresh"), PASSWORD);
        RefreshToken first = new RefreshToken(login.getString("refresh_token"));
        TokenResponse response = TokenResponse.parse(send(new TokenRequest(metadata.getTokenEndpointURI(),
                new RefreshTokenGrant(first)).toHTTPRequest()));
        assertTrue(response.indicatesSuccess(), response.toString());
        RefreshToken second = response.toSuccessResponse().getTokens().getRefreshToken();
        assertFalse(second.getValue().equals(first.getValue()));
        TokenResponse reuse = TokenResponse.parse(send(new TokenRequest(metadata.getTokenEndpointURI(),
                new RefreshTokenGrant(first)).toHTTPRequest()));
        assertEquals(OAuth2Error.INVALID_GRANT.getCode(), reuse.toErrorResponse().getErrorObject().getCode());
        assertEquals(OAuth2Error.INVALID_GRANT.getCode(), TokenResponse.parse(send(new TokenRequest(
                metadata.getTokenEndpointURI(), new RefreshTokenGrant(second)).toHTTPRequest())).toErrorResponse()
                .getErrorObject().getCode(), "the reuse ended the whole login");
    }

    @Test
    void errorsThenOAuthErrorObjectsNimbusReads() throws Exception {
        AuthorizationServerMetadata metadata = metadata();
        Api.Client client = api.newClient("nimbus-errors");
        TokenErrorResponse wrongSecret = TokenResponse.parse(send(new TokenRequest(metadata.getTokenEndpointURI(),
                new ClientSecretBasic(new ClientID(client.id()), new Secret("wrong secret")), new ClientCredentialsGrant(), null)
                .toHTTPRequest())).toErrorResponse();
        assertEquals(OAuth2Error.INVALID_CLIENT.getCode(), wrongSecret.getErrorObject().getCode());
        assertEquals(401, wrongSecret.getErrorObject().getHTTPStatusCode());
        TokenErrorResponse password = TokenResponse.parse(send(new TokenRequest(metadata.getTokenEndpointURI(), basic(client),
                new ResourceOwnerPasswordCredentialsGrant(client.id(), new Secret(client.secret())), null).toHTTPRequest()))
                .toErrorResponse();
        assertEquals(OAuth2Error.UNSUPPORTED_GRANT_TYPE.getCode(), password.getErrorObject().getCode(), "RFC 9700");
        TokenErrorResponse expired = TokenResponse.parse(send(new TokenRequest(metadata.getTokenEndpointURI(),
                new RefreshTokenGrant(new RefreshToken("made-up.0.refresh-token"))).toHTTPRequest())).toErrorResponse();
        assertEquals(OAuth2Error.INVALID_GRANT.getCode(), expired.getErrorObject().getCode());
    }
}
