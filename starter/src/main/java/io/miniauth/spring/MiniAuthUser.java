package io.miniauth.spring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller method parameter of type {@link MiniAuthPrincipal} that receives the
 * user of the request's MiniAuth access token. A request without a valid token never
 * reaches the method: it gets {@code 401} with MiniAuth's problem answer.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface MiniAuthUser {

}
