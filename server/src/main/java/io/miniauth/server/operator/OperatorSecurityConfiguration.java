package io.miniauth.server.operator;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Two security filter chains. {@code /admin/**} is the operator realm: a console session
 * cookie (HttpOnly, SameSite=Strict, path {@code /admin}, Secure when the request came
 * over TLS) with CSRF protection, or an API key as a bearer token (no cookie, so no CSRF
 * token needed); roles {@code admin} and {@code viewer}, where a viewer only reads.
 * Everything else is the mini program API, which authenticates with its own access
 * tokens: its chain adds nothing, no session, no CSRF, no headers.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class OperatorSecurityConfiguration {

	static final String ADMIN = OperatorRole.ADMIN.name();

	static final String VIEWER = OperatorRole.VIEWER.name();

	/**
	 * The console session's cookie, as {@code server.servlet.session.cookie.name} names
	 * it.
	 */
	private static final String CONSOLE_COOKIE = "MINIAUTH_CONSOLE";

	/** Sign-in and first-admin setup, which start a console session. */
	private static final RequestMatcher SIGN_IN = (request) -> "POST".equals(request.getMethod())
			&& ("/admin/api/session".equals(request.getRequestURI())
					|| "/admin/api/setup".equals(request.getRequestURI()));

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE + 10)
	SecurityFilterChain operatorRealm(HttpSecurity http, ApiKeys apiKeys, Operators operators,
			SecurityContextRepository securityContextRepository,
			@Qualifier("handlerExceptionResolver") ObjectProvider<HandlerExceptionResolver> resolvers)
			throws Exception {
		// looked up when a request needs it: the import command runs this context without
		// MVC
		HandlerExceptionResolver resolver = (request, response, handler, ex) -> resolvers.getObject()
			.resolveException(request, response, handler, ex);
		AuthenticationEntryPoint unauthorized = (request, response, ex) -> resolver.resolveException(request, response,
				null, OperatorAccessException.unauthorized());
		AccessDeniedHandler denied = (request, response, ex) -> resolver.resolveException(request, response, null,
				(ex instanceof CsrfException) ? OperatorAccessException.csrf() : OperatorAccessException.forbidden());
		CookieCsrfTokenRepository csrfTokens = CookieCsrfTokenRepository.withHttpOnlyFalse();
		csrfTokens.setCookiePath("/admin");
		csrfTokens.setCookieCustomizer((cookie) -> cookie.sameSite("Strict"));
		// @formatter:off
		http.securityMatcher("/admin/**", "/oauth2/introspect")
			.authorizeHttpRequests((requests) -> requests
				.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.ASYNC).permitAll()
				.requestMatchers(HttpMethod.POST, "/admin/api/session", "/admin/api/setup").permitAll()
				.requestMatchers(HttpMethod.GET, "/admin/api/setup").permitAll()
				.requestMatchers("/admin/api/operators/**", "/admin/api/operators", "/admin/api/api-keys/**",
						"/admin/api/api-keys").hasRole(ADMIN)
				.requestMatchers(HttpMethod.GET, "/admin/api/**").hasAnyRole(ADMIN, VIEWER)
				// asks, changes nothing: a viewer's key may introspect tokens
				.requestMatchers(HttpMethod.POST, "/oauth2/introspect").hasAnyRole(ADMIN, VIEWER)
				.requestMatchers(HttpMethod.DELETE, "/admin/api/session").authenticated()
				.requestMatchers("/admin/api/**").hasRole(ADMIN)
				// the console's own files
				.anyRequest().permitAll())
			.csrf((csrf) -> csrf.spa()
				.csrfTokenRepository(csrfTokens)
				// a key in a header is not sent by a browser on its own, unlike a cookie; and
				// without the console's cookie a forged request carries no authority (sign-in
				// and setup excepted, so that nobody is signed in to someone else's account)
				.ignoringRequestMatchers((request) -> request.getHeader("Authorization") != null
						|| (!hasConsoleCookie(request) && !SIGN_IN.matches(request))))
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
			.securityContext((context) -> context.securityContextRepository(securityContextRepository))
			.requestCache((cache) -> cache.disable())
			.anonymous((anonymous) -> anonymous.disable())
			.logout((logout) -> logout.disable())
			.formLogin((form) -> form.disable())
			.httpBasic((basic) -> basic.disable())
			.headers((headers) -> headers
				.frameOptions((frame) -> frame.deny())
				.contentSecurityPolicy((csp) -> csp.policyDirectives("default-src 'self'; "
						+ "style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; frame-ancestors 'none'")))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(unauthorized)
				.accessDeniedHandler(denied))
			.addFilterBefore(new OperatorAuthenticationFilter(apiKeys, operators, unauthorized),
					BasicAuthenticationFilter.class);
		// @formatter:on
		return http.build();
	}

	/**
	 * The mini program API and everything else outside {@code /admin/**}: Spring Security
	 * passes these requests through untouched.
	 */
	@Bean
	@Order(Ordered.LOWEST_PRECEDENCE)
	SecurityFilterChain miniProgramApi(HttpSecurity http) throws Exception {
		// @formatter:off
		http.securityMatcher("/**")
			.csrf((csrf) -> csrf.disable())
			.headers((headers) -> headers.disable())
			.sessionManagement((session) -> session.disable())
			.securityContext((context) -> context.disable())
			.requestCache((cache) -> cache.disable())
			.anonymous((anonymous) -> anonymous.disable())
			.servletApi((servletApi) -> servletApi.disable())
			.logout((logout) -> logout.disable())
			.exceptionHandling((exceptions) -> exceptions.disable());
		// @formatter:on
		return http.build();
	}

	/**
	 * No observation per security filter: every request of the mini program API passes
	 * the filter chain, and a span and timer around each of its filters cost more than
	 * the filters themselves. The request itself is still timed
	 * ({@code http.server.requests}).
	 */
	@Bean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	SecurityContextRepository securityContextRepository() {
		return new HttpSessionSecurityContextRepository();
	}

	@Bean
	AuthenticationManager operatorAuthenticationManager(Operators operators, PasswordEncoder passwordEncoder) {
		DaoAuthenticationProvider provider = new DaoAuthenticationProvider(operators);
		provider.setPasswordEncoder(passwordEncoder);
		return new ProviderManager(provider);
	}

	private static boolean hasConsoleCookie(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies != null) {
			for (Cookie cookie : cookies) {
				if (CONSOLE_COOKIE.equals(cookie.getName())) {
					return true;
				}
			}
		}
		return false;
	}

}
