package io.miniauth.emulator.fault;

import io.miniauth.emulator.api.EmulatorControlException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /emulator/faults}: sets, shows and clears the faults injected into WeChat's
 * endpoints. Unknown keys are rejected, so that a misspelt rate is not silently ignored.
 */
@RestController
class FaultController {

	private final Faults faults;

	private final ObjectReader planReader;

	FaultController(Faults faults, JsonMapper jsonMapper) {
		this.faults = faults;
		this.planReader = jsonMapper.readerFor(FaultPlan.class).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
	}

	@PutMapping("/emulator/faults")
	FaultPlan replaceFaults(@RequestBody String body) {
		try {
			FaultPlan plan = this.planReader.readValue(body);
			if (plan == null) {
				throw new IllegalArgumentException("The faults must be a JSON object");
			}
			return this.faults.apply(plan);
		}
		catch (JacksonException ex) {
			throw invalid(ex.getOriginalMessage());
		}
		catch (IllegalArgumentException ex) {
			throw invalid(ex.getMessage());
		}
	}

	@GetMapping("/emulator/faults")
	FaultPlan showFaults() {
		return this.faults.current();
	}

	@DeleteMapping("/emulator/faults")
	ResponseEntity<Void> clearFaults() {
		this.faults.clear();
		return ResponseEntity.noContent().build();
	}

	private static EmulatorControlException invalid(String msg) {
		return new EmulatorControlException(HttpStatus.BAD_REQUEST, "INVALID_FAULTS", msg);
	}

}
