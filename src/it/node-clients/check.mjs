// Hand check of jwtlib against widely used Node clients: jose (JWKS verification) and
// openid-client 6 (discovery of an OAuth 2.0 server, client_credentials, introspection, revocation).
import * as jose from 'jose';
import * as client from 'openid-client';

const base = process.env.B;
const [clientId, clientSecret, userToken, refreshToken] = process.argv.slice(2);

const { payload } = await jose.jwtVerify(userToken, jose.createRemoteJWKSet(new URL(base + '/.well-known/jwks.json')),
  { issuer: base, algorithms: ['ES256'] });
console.log('jose: verified, sub', payload.sub, 'groups', payload.groups);

// openid-client: OAuth 2.0 metadata (not OpenID Connect), plain http on localhost
const config = await client.discovery(new URL(base), clientId, clientSecret, undefined,
  { algorithm: 'oauth2', execute: [client.allowInsecureRequests] });
console.log('openid-client: discovered', config.serverMetadata().token_endpoint);
const cc = await client.clientCredentialsGrant(config);
console.log('openid-client: client_credentials token_type', cc.token_type, 'expires_in', cc.expires_in);
const answer = await client.tokenIntrospection(config, userToken);
console.log('openid-client: introspection active', answer.active, 'username', answer.username);
await client.tokenRevocation(config, userToken);
const after = await client.tokenIntrospection(config, userToken);
console.log('openid-client: after revocation active', after.active);
try {
  const refreshed = await client.refreshTokenGrant(config, refreshToken);
  console.log('openid-client: refresh_token grant ok', refreshed.token_type);
} catch (e) {
  console.log('openid-client: refresh_token grant failed', e.code, e.error, e.message);
}
