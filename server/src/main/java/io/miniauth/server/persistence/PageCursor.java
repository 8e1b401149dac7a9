package io.miniauth.server.persistence;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/**
 * Where a page of a list ordered newest first by (time, id) ended: the next page starts
 * after it. Keyset paging stays stable while rows are added, since a new row sorts before
 * the page a client is reading, never inside the pages it has not read yet. The cursor is
 * opaque to clients (Base64url of the time and the id).
 *
 * @param time the time of the last row of the page
 * @param id the id of the last row of the page
 */
public record PageCursor(Instant time, String id) {

	/**
	 * The cursor as clients pass it back.
	 * @return the opaque text
	 */
	public String encode() {
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString((this.time + "|" + this.id).getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Reads a cursor a client passed back.
	 * @param text the opaque text, or {@code null} for the first page
	 * @return the cursor, or {@code null} for the first page
	 * @throws IllegalArgumentException when the text is not a cursor
	 */
	public static PageCursor decode(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			String decoded = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
			int bar = decoded.indexOf('|');
			if (bar < 0) {
				throw new IllegalArgumentException("not a cursor");
			}
			return new PageCursor(Instant.parse(decoded.substring(0, bar)), decoded.substring(bar + 1));
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException("not a cursor", ex);
		}
	}

}
