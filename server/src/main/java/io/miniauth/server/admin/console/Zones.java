package io.miniauth.server.admin.console;

import java.time.DateTimeException;
import java.time.ZoneId;

/**
 * Reads the {@code zone} parameter of the admin API (such as {@code Asia/Shanghai}).
 */
final class Zones {

	private Zones() {
	}

	static ZoneId of(String zone, ZoneId otherwise) {
		if (zone == null || zone.isBlank()) {
			return otherwise;
		}
		try {
			return ZoneId.of(zone.strip());
		}
		catch (DateTimeException ex) {
			throw new AdminRequestException("zone is not a time zone such as Asia/Shanghai");
		}
	}

}
