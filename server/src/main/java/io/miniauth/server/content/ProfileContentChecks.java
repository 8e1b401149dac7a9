package io.miniauth.server.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.miniauth.server.app.MiniApp;
import io.miniauth.server.audit.AuthEventType;
import io.miniauth.server.audit.AuthEvents;
import io.miniauth.server.config.MiniAuthProperties;
import io.miniauth.server.config.MiniAuthProperties.ContentSecurity.OnUnavailable;
import io.miniauth.server.web.ClientInfo;
import io.miniauth.server.wechat.ContentVerdict;
import io.miniauth.server.wechat.WeChatClient;
import io.miniauth.server.wechat.WeChatException;

import org.springframework.stereotype.Service;

/**
 * Checks what a user writes into their profile with WeChat's content security, before it
 * is stored: texts with {@code msg_sec_check} (risky is refused, review is stored and
 * flagged), avatars with {@code media_check_async} (the verdict comes later as a push).
 * When WeChat cannot check, {@code miniauth.content-security.on-unavailable} decides:
 * store unchecked and record an event, or refuse with 503. An app whose
 * {@code content-security.enabled} is off is not checked.
 */
@Service
public class ProfileContentChecks {

	private final WeChatClient weChat;

	private final AuthEvents events;

	private final OnUnavailable onUnavailable;

	ProfileContentChecks(WeChatClient weChat, AuthEvents events, MiniAuthProperties properties) {
		this.weChat = weChat;
		this.events = events;
		this.onUnavailable = properties.contentSecurity().onUnavailable();
	}

	/**
	 * Checks the texts a write sets.
	 * @param writer who writes
	 * @param texts the new value of each field checked, by field name, in order
	 * @return the fields WeChat asks to review (stored, but flagged)
	 * @throws ContentRiskyException when WeChat finds one of them risky
	 * @throws ContentCheckUnavailableException when WeChat cannot check and the policy is
	 * to refuse
	 */
	public List<String> checkTexts(Writer writer, Map<String, String> texts) {
		if (!writer.app().contentSecurity() || texts.isEmpty()) {
			return List.of();
		}
		List<String> review = new ArrayList<>();
		for (Map.Entry<String, String> text : texts.entrySet()) {
			ContentVerdict verdict;
			try {
				verdict = this.weChat.checkText(writer.app(), writer.openid(), text.getValue());
			}
			catch (WeChatException ex) {
				unchecked(writer, ex);
				continue;
			}
			if (verdict.suggest() == ContentVerdict.Suggest.RISKY) {
				this.events.record(AuthEventType.CONTENT_REFUSED, "CONTENT_RISKY", null, writer.app().appid(),
						writer.userId(), writer.sessionId(), writer.client());
				throw new ContentRiskyException(text.getKey());
			}
			if (verdict.suggest() == ContentVerdict.Suggest.REVIEW) {
				review.add(text.getKey());
			}
		}
		if (!review.isEmpty()) {
			this.events.record(AuthEventType.CONTENT_REVIEW, String.join(",", review), null, writer.app().appid(),
					writer.userId(), writer.sessionId(), writer.client());
		}
		return List.copyOf(review);
	}

	/**
	 * Submits a new avatar for checking.
	 * @param writer who sets it
	 * @param avatarUrl the avatar
	 * @return the check's trace id, or {@code null} when the app is not checked or WeChat
	 * could not take the check and the policy allows storing it unchecked
	 * @throws ContentCheckUnavailableException when WeChat cannot check and the policy is
	 * to refuse
	 */
	public String submitAvatar(Writer writer, String avatarUrl) {
		if (!writer.app().contentSecurity()) {
			return null;
		}
		try {
			return this.weChat.checkImageAsync(writer.app(), writer.openid(), avatarUrl);
		}
		catch (WeChatException ex) {
			unchecked(writer, ex);
			return null;
		}
	}

	private void unchecked(Writer writer, WeChatException ex) {
		Integer errcode = (ex.errcode() != 0) ? ex.errcode() : null;
		if (this.onUnavailable == OnUnavailable.REFUSE) {
			this.events.record(AuthEventType.CONTENT_REFUSED, "CONTENT_CHECK_UNAVAILABLE", errcode,
					writer.app().appid(), writer.userId(), writer.sessionId(), writer.client());
			throw new ContentCheckUnavailableException();
		}
		this.events.record(AuthEventType.CONTENT_UNCHECKED, ex.code(), errcode, writer.app().appid(), writer.userId(),
				writer.sessionId(), writer.client());
	}

	/**
	 * Who writes.
	 *
	 * @param app the user's app
	 * @param userId the user
	 * @param openid the user's openid, which WeChat needs
	 * @param sessionId the session the write came in on
	 * @param client where it came from
	 */
	public record Writer(MiniApp app, String userId, String openid, String sessionId, ClientInfo client) {
	}

}
