import * as client from 'openid-client';
const base = process.env.B;
const config = await client.discovery(new URL(base), 'web-app', undefined, client.None(),
  { algorithm: 'oauth2', execute: [client.allowInsecureRequests] });
const refreshed = await client.refreshTokenGrant(config, process.argv[2]);
console.log('openid-client (public client): refresh_token grant', refreshed.token_type, 'new refresh token', refreshed.refresh_token !== process.argv[2]);
try { await client.refreshTokenGrant(config, process.argv[2]); } catch (e) { console.log('openid-client: reuse ->', e.error); }
