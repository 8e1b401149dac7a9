package io.miniauth.server.web;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A failure nobody foresaw is a plain 500 {@code INTERNAL_ERROR}, counted like every
 * other error, and its message and stack trace stay in the log.
 */
class UnexpectedFailureProblemTests {

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	@Test
	void requestWhenUnexpectedFailureThen500InternalErrorCountedWithoutDetails() throws Exception {
		MockMvc mvc = MockMvcBuilders.standaloneSetup(new BrokenController())
			.setControllerAdvice(new ProblemHandler(new Problems(this.meters)))
			.build();

		mvc.perform(get("/broken"))
			.andExpect(status().isInternalServerError())
			.andExpect(jsonPath("$.code").value("INTERNAL_ERROR"))
			.andExpect(jsonPath("$.msg").value("Something went wrong on our side"))
			.andExpect(content().string(not(containsString("secret"))));
		assertThat(this.meters.counter("miniauth.problems", "code", "INTERNAL_ERROR").count()).isEqualTo(1);
	}

	@RestController
	static class BrokenController {

		@GetMapping("/broken")
		String broken() {
			throw new IllegalStateException("broken with secret details");
		}

	}

}
