package io.miniauth.spring.web;

import java.io.IOException;
import java.util.Locale;

import io.miniauth.spring.revocation.IntrospectionUnavailableException;
import io.miniauth.spring.token.SessionEndedError;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * The answer to a request whose token is refused: the same {@code 401} problem as
 * MiniAuth's own ({@code application/problem+json} with {@code code}, {@code msg} and,
 * for an ended session, {@code reason}), plus the standard
 * {@code WWW-Authenticate: Bearer error="invalid_token"} challenge, so that the mini
 * program SDK reacts alike on MiniAuth and on the business backend.
 */
public final class MiniAuthProblem {

	private final int status;

	private final String code;

	private final String reason;

	private MiniAuthProblem(int status, String code, String reason) {
		this.status = status;
		this.code = code;
		this.reason = reason;
	}

	/** No token was sent. */
	public static MiniAuthProblem missing() {
		return new MiniAuthProblem(401, "UNAUTHORIZED", null);
	}

	/**
	 * The problem for a token that was refused.
	 * @param ex why the decoder refused it
	 * @return the problem
	 */
	public static MiniAuthProblem of(RuntimeException ex) {
		if (ex instanceof IntrospectionUnavailableException) {
			return new MiniAuthProblem(503, "SERVICE_UNAVAILABLE", null);
		}
		if (ex instanceof JwtValidationException invalid) {
			for (OAuth2Error error : invalid.getErrors()) {
				if (error instanceof SessionEndedError ended) {
					return new MiniAuthProblem(401, "TOKEN_REVOKED", ended.reason());
				}
				if (error.getDescription() != null && error.getDescription().startsWith("Jwt expired")) {
					return new MiniAuthProblem(401, "TOKEN_EXPIRED", null);
				}
			}
		}
		return new MiniAuthProblem(401, "TOKEN_INVALID", null);
	}

	public int status() {
		return this.status;
	}

	public String code() {
		return this.code;
	}

	public String reason() {
		return this.reason;
	}

	/**
	 * Writes the answer.
	 * @param request the request, for its language and path
	 * @param response the response
	 * @throws IOException when the answer cannot be written
	 */
	public void write(HttpServletRequest request, HttpServletResponse response) throws IOException {
		boolean english = request.getLocale() != null && request.getHeader(HttpHeaders.ACCEPT_LANGUAGE) != null
				&& Locale.ENGLISH.getLanguage().equals(request.getLocale().getLanguage());
		response.setStatus(this.status);
		if (this.status == 401) {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, ("UNAUTHORIZED".equals(this.code)) ? "Bearer"
					: "Bearer error=\"invalid_token\", error_description=\"" + this.code + "\"");
		}
		else {
			response.setHeader(HttpHeaders.RETRY_AFTER, "5");
		}
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		response.setContentType("application/problem+json;charset=UTF-8");
		String msg = english ? englishMessage() : chineseMessage();
		StringBuilder json = new StringBuilder().append("{\"title\":")
			.append(quote((this.status == 401) ? "Unauthorized" : "Service Unavailable"))
			.append(",\"status\":")
			.append(this.status)
			.append(",\"detail\":")
			.append(quote(englishMessage()))
			.append(",\"instance\":")
			.append(quote(request.getRequestURI()))
			.append(",\"code\":")
			.append(quote(this.code))
			.append(",\"msg\":")
			.append(quote(msg));
		if (this.reason != null) {
			json.append(",\"reason\":").append(quote(this.reason));
		}
		response.getWriter().write(json.append('}').toString());
	}

	private String englishMessage() {
		return switch (this.code) {
			case "UNAUTHORIZED" -> "Please log in";
			case "TOKEN_EXPIRED" -> "Your login has expired: please log in again";
			case "TOKEN_REVOKED" -> "Your login has ended: please log in again";
			case "SERVICE_UNAVAILABLE" -> "The service is briefly unavailable: please try again";
			default -> "Your login is not valid: please log in again";
		};
	}

	private String chineseMessage() {
		return switch (this.code) {
			case "UNAUTHORIZED" -> "请先登录";
			case "TOKEN_EXPIRED" -> "登录已过期，请重新登录";
			case "TOKEN_REVOKED" -> "登录已失效，请重新登录";
			case "SERVICE_UNAVAILABLE" -> "服务暂时不可用，请稍后再试";
			default -> "登录无效，请重新登录";
		};
	}

	private static String quote(String text) {
		StringBuilder quoted = new StringBuilder("\"");
		for (char c : text.toCharArray()) {
			switch (c) {
				case '"' -> quoted.append("\\\"");
				case '\\' -> quoted.append("\\\\");
				default -> {
					if (c < 0x20) {
						quoted.append(String.format("\\u%04x", (int) c));
					}
					else {
						quoted.append(c);
					}
				}
			}
		}
		return quoted.append('"').toString();
	}

}
