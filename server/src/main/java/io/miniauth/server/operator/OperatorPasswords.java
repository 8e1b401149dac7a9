package io.miniauth.server.operator;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * How operators' passwords are hashed, also where no web realm runs (the import command
 * creates the first admin like the service does).
 */
@Configuration(proxyBeanMethods = false)
class OperatorPasswords {

	@Bean
	PasswordEncoder passwordEncoder() {
		// bcrypt, with the {id} prefix that lets a stronger encoder take over later
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

}
