'use strict';

/**
 * A backend of the mini program's own, as a user writes one: it trusts MiniAuth's tokens by
 * checking them with `jose` against MiniAuth's JWKS (signature, issuer, audience, expiry)
 * and refuses the rest the way Spring Security's resource server does: 401 with
 * `WWW-Authenticate: Bearer error="invalid_token", error_description=…` and no body.
 */
const http = require('node:http');

async function startResourceServer({ jwksUrl, issuer, audience }) {
  const { createRemoteJWKSet, jwtVerify } = await import('jose');
  const keys = createRemoteJWKSet(new URL(jwksUrl));
  const counts = { requests: 0, refused: 0 };

  const server = http.createServer(async (req, res) => {
    counts.requests++;
    const match = /^Bearer (.+)$/.exec(req.headers.authorization || '');
    if (!match) {
      counts.refused++;
      res.writeHead(401, { 'WWW-Authenticate': 'Bearer' }).end();
      return;
    }
    try {
      const { payload } = await jwtVerify(match[1], keys, { issuer, audience, algorithms: ['ES256'] });
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ orders: [], sub: payload.sub }));
    } catch (e) {
      counts.refused++;
      const description = String(e.message).replace(/["\\]/g, '');
      res.writeHead(401, {
        'WWW-Authenticate': 'Bearer error="invalid_token", error_description="' + description
          + '", error_uri="https://tools.ietf.org/html/rfc6750#section-3.1"',
      }).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: 'http://127.0.0.1:' + server.address().port,
    counts,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

module.exports = { startResourceServer };
