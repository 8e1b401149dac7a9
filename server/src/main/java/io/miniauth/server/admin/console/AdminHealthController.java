package io.miniauth.server.admin.console;

import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /admin/api/health}: the service's health with every component, for the
 * console, on the application port even when the actuator has a port of its own.
 */
@RestController
@Tag(name = "admin")
class AdminHealthController {

	private final ObjectProvider<HealthEndpoint> health;

	AdminHealthController(ObjectProvider<HealthEndpoint> health) {
		this.health = health;
	}

	@GetMapping("/admin/api/health")
	ResponseEntity<HealthDescriptor> health() {
		HealthEndpoint endpoint = this.health.getIfAvailable();
		if (endpoint == null) {
			return ResponseEntity.status(HttpStatus.NOT_FOUND).build();
		}
		return ResponseEntity.ok(endpoint.health());
	}

}
