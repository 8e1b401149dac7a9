package io.miniauth.emulator.security;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /emulator/wx/media-check/push-due}: pushes the {@code media_check_async}
 * results that are due now, without waiting for the next poll, so that a test that moved
 * its clock gets them at once and in order.
 */
@RestController
class MediaResultController {

	private final MediaResultPushes pushes;

	MediaResultController(MediaResultPushes pushes) {
		this.pushes = pushes;
	}

	@PostMapping("/emulator/wx/media-check/push-due")
	Pushed pushDue() {
		return new Pushed(this.pushes.pushDue());
	}

	/**
	 * @param pushed how many results were pushed
	 */
	record Pushed(int pushed) {
	}

}
