package io.miniauth.server.login;

import io.miniauth.server.web.ClientInfo;
import io.miniauth.server.session.TokenResponse;
import io.miniauth.server.web.ClientAddress;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /user/login}: a {@code wx.login()} code in, our tokens out.
 */
@RestController
class LoginController {

	private final LoginService loginService;

	private final ClientAddress clientAddress;

	LoginController(LoginService loginService, ClientAddress clientAddress) {
		this.loginService = loginService;
		this.clientAddress = clientAddress;
	}

	@PostMapping(path = "/user/login", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<TokenResponse> login(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
		return this.loginService.login(request, ClientInfo.of(http, this.clientAddress)).toResponse();
	}

}
