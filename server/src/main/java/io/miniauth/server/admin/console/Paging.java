package io.miniauth.server.admin.console;

import io.miniauth.server.persistence.PageCursor;

/**
 * Reads the paging parameters of the admin API's lists.
 */
final class Paging {

	private Paging() {
	}

	static int size(int limit, int max) {
		if (limit < 1 || limit > max) {
			throw new AdminRequestException("limit must be between 1 and " + max);
		}
		return limit;
	}

	static PageCursor cursor(String cursor) {
		try {
			return PageCursor.decode(cursor);
		}
		catch (IllegalArgumentException ex) {
			throw new AdminRequestException("cursor is not one this API answered");
		}
	}

}
