package io.miniauth.server.account;

import java.time.Instant;

import io.miniauth.server.app.MiniApps;
import io.miniauth.server.auth.Caller;
import io.miniauth.server.user.CurrentUser;
import io.miniauth.server.user.User;
import io.miniauth.server.wechat.WeChatClient;
import io.miniauth.server.wechat.WeChatSession;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code DELETE /user/me}: the user deletes their own account (注销). The body carries a
 * fresh {@code wx.login()} code, which WeChat must map to the caller's openid: an access
 * token alone cannot delete an account.
 */
@RestController
class AccountDeletionController {

	private final CurrentUser currentUser;

	private final MiniApps apps;

	private final WeChatClient weChat;

	private final AccountLifecycle lifecycle;

	AccountDeletionController(CurrentUser currentUser, MiniApps apps, WeChatClient weChat, AccountLifecycle lifecycle) {
		this.currentUser = currentUser;
		this.apps = apps;
		this.weChat = weChat;
		this.lifecycle = lifecycle;
	}

	@DeleteMapping(path = "/user/me", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<PendingDeletion> deleteAccount(Caller caller, @Valid @RequestBody DeletionRequest request) {
		User user = this.currentUser.of(caller);
		WeChatSession confirmed = this.weChat.code2Session(this.apps.resolve(user.appid()), request.code().strip());
		if (!user.openid().equals(confirmed.openid())) {
			throw new StepUpMismatchException();
		}
		Instant runsAt = this.lifecycle.requestDeletion(user.id());
		if (runsAt == null) {
			return ResponseEntity.noContent().build();
		}
		return ResponseEntity.status(HttpStatus.ACCEPTED)
			.body(new PendingDeletion(
					"Your account will be deleted at " + runsAt + ": log in with cancelDeletion before then to keep it",
					io.miniauth.server.user.AccountStatus.DELETION_PENDING, runsAt));
	}

	/**
	 * @param code a fresh {@code wx.login()} code of the same user
	 */
	record DeletionRequest(@NotBlank @Size(max = 128) String code) {

		@Override
		public String toString() {
			return "DeletionRequest[code=******]";
		}

	}

	/**
	 * The answer when the deletion waits for the grace period.
	 *
	 * @param msg what to tell the user
	 * @param status {@code deletion_pending}
	 * @param deletesAt when the account is erased
	 */
	record PendingDeletion(String msg, String status, Instant deletesAt) {
	}

}
