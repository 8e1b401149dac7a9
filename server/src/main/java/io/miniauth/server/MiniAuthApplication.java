package io.miniauth.server;

import io.miniauth.server.importing.ImportCommand;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * MiniAuth: the login and session service for WeChat Mini Programs. With {@code import}
 * as its first argument, it imports users instead of serving (see {@link ImportCommand}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MiniAuthApplication {

	public static void main(String[] args) {
		if (ImportCommand.isRequested(args)) {
			System.exit(ImportCommand.run(MiniAuthApplication.class, args, System.out, System.err));
		}
		SpringApplication.run(MiniAuthApplication.class, args);
	}

}
