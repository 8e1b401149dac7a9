package io.miniauth.emulator.api;

import java.util.List;

/**
 * The names under which WeChat's endpoints appear in {@code /emulator/faults} and
 * {@code /emulator/calls}.
 */
public final class WeChatEndpointNames {

	public static final String JSCODE2SESSION = "jscode2session";

	public static final String TOKEN = "token";

	public static final String STABLE_TOKEN = "stable_token";

	public static final String GETUSERPHONENUMBER = "getuserphonenumber";

	public static final String CHECKSESSION = "checksession";

	public static final String RESETUSERSESSIONKEY = "resetusersessionkey";

	public static final String MSG_SEC_CHECK = "msg_sec_check";

	public static final String MEDIA_CHECK_ASYNC = "media_check_async";

	/** Every name, in a stable order. */
	public static final List<String> ALL = List.of(JSCODE2SESSION, TOKEN, STABLE_TOKEN, GETUSERPHONENUMBER,
			CHECKSESSION, RESETUSERSESSIONKEY, MSG_SEC_CHECK, MEDIA_CHECK_ASYNC);

	private WeChatEndpointNames() {
	}

}
