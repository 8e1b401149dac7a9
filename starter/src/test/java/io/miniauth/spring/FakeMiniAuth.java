package io.miniauth.spring;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for MiniAuth's JWKS, revocation feed and introspection endpoint, on a
 * loopback port, signing tokens with a key of its own. The real server is exercised by
 * the example business backend's integration test.
 */
public final class FakeMiniAuth implements AutoCloseable {

	static final String API_KEY = "test-operator-key";

	private final HttpServer server;

	private final ECKey key;

	private final List<String> revoked = new CopyOnWriteArrayList<>();

	public final AtomicBoolean down = new AtomicBoolean();

	final List<String> feedAuthorizations = new CopyOnWriteArrayList<>();

	FakeMiniAuth() throws IOException, JOSEException {
		this.key = new ECKeyGenerator(Curve.P_256).keyID("k1").generate();
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/.well-known/jwks.json",
				(exchange) -> answer(exchange, 200, new JWKSet(this.key.toPublicJWK()).toString()));
		this.server.createContext("/admin/api/revocations", this::feed);
		this.server.createContext("/oauth2/introspect", this::introspect);
		this.server.start();
	}

	public URI baseUrl() {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort());
	}

	public String token(String userId, String appid, String sessionId, String issuer, Instant expiresAt) {
		return token(userId, appid, sessionId, issuer, expiresAt, JOSEObjectType.JWT);
	}

	String token(String userId, String appid, String sessionId, String issuer, Instant expiresAt, JOSEObjectType type) {
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer)
			.subject(userId)
			.audience(appid)
			.issueTime(Date.from(expiresAt.minusSeconds(7200)))
			.expirationTime(Date.from(expiresAt))
			.jwtID(UUID.randomUUID().toString())
			.claim("sid", sessionId)
			.build();
		// typed JWT, as MiniAuth types its access tokens
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("k1").type(type).build(), claims);
		try {
			jwt.sign(new ECDSASigner(this.key));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		return jwt.serialize();
	}

	/**
	 * Ends a session, as a logout at MiniAuth would: the feed and introspection say so.
	 */
	public void endSession(String sessionId) {
		this.revoked.add(sessionId);
	}

	private void feed(HttpExchange exchange) throws IOException {
		this.feedAuthorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
		if (this.down.get()) {
			answer(exchange, 503, "{}");
			return;
		}
		if (!("Bearer " + API_KEY).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
			answer(exchange, 401, "{}");
			return;
		}
		String query = exchange.getRequestURI().getQuery();
		int since = (query == null || query.equals("since=")) ? 0 : Integer.parseInt(query.substring(6));
		StringBuilder json = new StringBuilder("{\"revocations\":[");
		for (int i = since; i < this.revoked.size(); i++) {
			json.append((i > since) ? "," : "")
				.append("{\"sessionId\":\"")
				.append(this.revoked.get(i))
				.append("\",\"userId\":\"u\",\"reason\":\"logout\",\"endedAt\":\"")
				.append(Instant.now())
				.append("\",\"tokensValidUntil\":\"")
				.append(Instant.now().plusSeconds(7200))
				.append("\"}");
		}
		answer(exchange, 200,
				json.append("],\"next\":\"").append(this.revoked.size()).append("\",\"more\":false}").toString());
	}

	private void introspect(HttpExchange exchange) throws IOException {
		if (this.down.get()) {
			answer(exchange, 503, "{}");
			return;
		}
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		String token = body.substring(body.indexOf("token=") + 6);
		try {
			String sid = SignedJWT.parse(token).getJWTClaimsSet().getStringClaim("sid");
			boolean active = !this.revoked.contains(sid);
			answer(exchange, 200, active ? "{\"active\":true,\"sid\":\"" + sid + "\"}" : "{\"active\":false}");
		}
		catch (java.text.ParseException ex) {
			answer(exchange, 200, "{\"active\":false}");
		}
	}

	private static void answer(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
