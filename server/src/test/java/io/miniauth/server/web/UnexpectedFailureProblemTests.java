package io.miniauth.server.web;

import java.util.List;
import java.util.Locale;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
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
 * other error, and its message and stack trace stay in the log, which is English whatever
 * the language of the answer.
 */
@ExtendWith(OutputCaptureExtension.class)
class UnexpectedFailureProblemTests {

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new BrokenController())
		.setControllerAdvice(new ProblemHandler(new Problems(this.meters, MessagesConfiguration.bundles(List.of()),
				new AcceptLanguageLocaleResolver(Locale.SIMPLIFIED_CHINESE))))
		.build();

	@Test
	void requestWhenUnexpectedFailureThen500InternalErrorCountedWithoutDetails() throws Exception {
		this.mvc.perform(get("/broken"))
			.andExpect(status().isInternalServerError())
			.andExpect(jsonPath("$.code").value("INTERNAL_ERROR"))
			.andExpect(jsonPath("$.msg").value("服务出了点问题，请稍后再试"))
			.andExpect(content().string(not(containsString("secret"))));
		assertThat(this.meters.counter("miniauth.problems", "code", "INTERNAL_ERROR").count()).isEqualTo(1);
	}

	@Test
	void requestWhenUnexpectedFailureInEnglishThenEnglishMessageAndSameCode() throws Exception {
		this.mvc.perform(get("/broken").header("Accept-Language", "en"))
			.andExpect(status().isInternalServerError())
			.andExpect(jsonPath("$.code").value("INTERNAL_ERROR"))
			.andExpect(jsonPath("$.msg").value("Something went wrong on our side"));
	}

	@Test
	void requestWhenUnexpectedFailureInChineseThenTheLogStaysEnglish(CapturedOutput output) throws Exception {
		this.mvc.perform(get("/broken").header("Accept-Language", "zh-CN"))
			.andExpect(jsonPath("$.msg").value("服务出了点问题，请稍后再试"));

		assertThat(output.getOut() + output.getErr()).contains("Unexpected failure")
			.contains("broken with secret details")
			.doesNotContain("服务")
			.doesNotContainPattern("\\p{IsHan}");
	}

	@RestController
	static class BrokenController {

		@GetMapping("/broken")
		String broken() {
			throw new IllegalStateException("broken with secret details");
		}

	}

}
