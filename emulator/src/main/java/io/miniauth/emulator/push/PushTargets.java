package io.miniauth.emulator.push;

import java.util.Optional;

/**
 * The configured push target of each app. An application that embeds the emulator may
 * provide one as a bean (to pre-wire its own push endpoint); without it, each
 * {@code POST /emulator/wx/push} names its target.
 */
@FunctionalInterface
public interface PushTargets {

	/**
	 * The target of an app.
	 * @param appid the app
	 * @return its target, empty when none is configured
	 */
	Optional<PushTarget> find(String appid);

}
