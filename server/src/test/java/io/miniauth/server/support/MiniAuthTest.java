package io.miniauth.server.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The whole service on a random port, in its default mode (demo app, embedded emulator),
 * on a private in-memory database and a {@link MutableClock}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:miniauth-${random.uuid};DB_CLOSE_DELAY=-1",
				"miniauth.security.key-encryption-key=" + MiniAuthTest.KEY_ENCRYPTION_KEY,
				"miniauth.rate-limit.enabled=false",
				// the tests that watch webhooks configure their own receiver
				"miniauth.webhooks.emulator-inspector=false" })
@Import(TestClockConfiguration.class)
public @interface MiniAuthTest {

	/** A fixed key-encryption key for tests (32 bytes, Base64). */
	String KEY_ENCRYPTION_KEY = "dGVzdC1rZXktZW5jcnlwdGlvbi1rZXktMzItYnl0ZXM=";

}
