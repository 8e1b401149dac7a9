package io.miniauth.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * MiniAuth: the login and session service for WeChat Mini Programs.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MiniAuthApplication {

	public static void main(String[] args) {
		SpringApplication.run(MiniAuthApplication.class, args);
	}

}
