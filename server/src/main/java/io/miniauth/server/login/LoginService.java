package io.miniauth.server.login;

import java.time.Clock;

import io.miniauth.server.app.MiniApp;
import io.miniauth.server.app.MiniApps;
import io.miniauth.server.token.AccessTokenIssuer;
import io.miniauth.server.token.IssuedToken;
import io.miniauth.server.user.UserProfile;
import io.miniauth.server.user.UserRepository;
import io.miniauth.server.user.UserRepository.LoginRecord;
import io.miniauth.server.user.UserRepository.WeChatLogin;
import io.miniauth.server.wechat.WeChatClient;
import io.miniauth.server.wechat.WeChatSession;

import org.springframework.stereotype.Service;

/**
 * The login: exchange the code with WeChat, create or update the user, issue our own
 * access token.
 */
@Service
class LoginService {

	private final MiniApps apps;

	private final WeChatClient weChat;

	private final UserRepository users;

	private final AccessTokenIssuer tokens;

	private final Clock clock;

	LoginService(MiniApps apps, WeChatClient weChat, UserRepository users, AccessTokenIssuer tokens, Clock clock) {
		this.apps = apps;
		this.weChat = weChat;
		this.users = users;
		this.tokens = tokens;
		this.clock = clock;
	}

	LoginResponse login(LoginRequest request) {
		MiniApp app = this.apps.resolve(request.appid());
		WeChatSession session = this.weChat.code2Session(app, request.code().strip());
		LoginRecord login = this.users.recordLogin(
				new WeChatLogin(app.appid(), session.openid(), session.unionid(), session.sessionKey()),
				this.clock.instant());
		IssuedToken token = this.tokens.issue(login.user().id(), app.appid());
		return new LoginResponse("Logged in", token.value(), "Bearer", token.expiresIn(), login.created(),
				UserProfile.of(login.user()));
	}

}
