package io.miniauth.spring.autoconfigure;

import io.miniauth.spring.security.MiniAuthAuthenticationEntryPoint;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * With Spring Security: the entry point that answers with MiniAuth's 401 problem.
 */
@AutoConfiguration(after = MiniAuthClientAutoConfiguration.class)
@ConditionalOnClass(AuthenticationEntryPoint.class)
@ConditionalOnBean(JwtDecoder.class)
public class MiniAuthSecurityAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	MiniAuthAuthenticationEntryPoint miniAuthAuthenticationEntryPoint() {
		return new MiniAuthAuthenticationEntryPoint();
	}

}
