package io.miniauth.emulator;

import java.time.Instant;
import java.util.List;

import io.miniauth.emulator.app.EmulatedApp;
import io.miniauth.emulator.app.EmulatedApps;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The emulator as an application embeds it: two apps bound to one open platform, one
 * unbound app, and a clock the tests move.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(EmulatorConfiguration.class)
public class EmulatorTestApplication {

	public static final EmulatedApp BOUND = new EmulatedApp("wxtestbound00001", "bound-secret-1", "platform-a");

	public static final EmulatedApp BOUND_TOO = new EmulatedApp("wxtestbound00002", "bound-secret-2", "platform-a");

	public static final EmulatedApp UNBOUND = new EmulatedApp("wxtestunbound001", "unbound-secret", null);

	@Bean
	EmulatedApps emulatedApps() {
		return EmulatedApps.of(List.of(BOUND, BOUND_TOO, UNBOUND));
	}

	@Bean
	MutableClock clock() {
		return new MutableClock(Instant.parse("2026-01-05T08:00:00Z"));
	}

}
