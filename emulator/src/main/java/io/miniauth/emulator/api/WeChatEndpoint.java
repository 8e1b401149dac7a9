package io.miniauth.emulator.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a handler as one of WeChat's own endpoints (not a control endpoint): its calls
 * are counted and go through fault injection under the given name.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface WeChatEndpoint {

	/**
	 * The endpoint's name in {@code /emulator/faults} and {@code /emulator/calls}.
	 * @return the name
	 */
	String value();

	/**
	 * Whether the endpoint answers JSON as {@code text/plain}, as {@code jscode2session}
	 * does; injected errors then use the same content type.
	 * @return {@code true} for {@code text/plain}
	 */
	boolean plainText() default false;

}
