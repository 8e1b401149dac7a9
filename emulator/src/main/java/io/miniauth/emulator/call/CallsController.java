package io.miniauth.emulator.call;

import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /emulator/calls}: how many calls each WeChat endpoint got, by outcome, so that a
 * test can assert how often a client called (and retried). Control endpoints are not
 * counted.
 */
@RestController
class CallsController {

	private final CallCounts counts;

	CallsController(CallCounts counts) {
		this.counts = counts;
	}

	@GetMapping("/emulator/calls")
	Map<String, Map<String, Long>> showCalls() {
		return this.counts.snapshot();
	}

	@DeleteMapping("/emulator/calls")
	ResponseEntity<Void> resetCalls() {
		this.counts.reset();
		return ResponseEntity.noContent().build();
	}

}
