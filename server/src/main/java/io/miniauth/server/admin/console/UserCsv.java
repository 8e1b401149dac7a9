package io.miniauth.server.admin.console;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Writes users as CSV (RFC 4180) that Excel opens correctly with Chinese text: UTF-8 with
 * a byte order mark, CRLF line ends, times in the operator's zone. A field that a
 * spreadsheet would take for a formula ({@code = + - @}) is prefixed with {@code '},
 * since nicknames are chosen by users.
 */
final class UserCsv {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private final Writer out;

	private final DateTimeFormatter time;

	UserCsv(Writer out, ZoneId zone) {
		this.out = out;
		this.time = TIME.withZone(zone);
	}

	void header(ZoneId zone) throws IOException {
		this.out.write('\uFEFF');
		row(List.of("id", "appid", "openid", "unionid", "nickName", "phoneNumber", "status", "createdAt (" + zone + ")",
				"lastLoginAt (" + zone + ")"));
	}

	void user(AdminUser user) throws IOException {
		row(java.util.Arrays.asList(user.id(), user.appid(), user.openid(), user.unionid(), user.nickName(),
				user.phoneNumber(), user.status(), format(user.createdAt()), format(user.lastLoginAt())));
	}

	private String format(Instant instant) {
		return (instant != null) ? this.time.format(instant) : null;
	}

	private void row(List<String> fields) throws IOException {
		for (int i = 0; i < fields.size(); i++) {
			if (i > 0) {
				this.out.write(',');
			}
			this.out.write(field(fields.get(i)));
		}
		this.out.write("\r\n");
	}

	static String field(String value) {
		if (value == null || value.isEmpty()) {
			return "";
		}
		String text = ("=+-@".indexOf(value.charAt(0)) >= 0) ? "'" + value : value;
		if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
			return '"' + text.replace("\"", "\"\"") + '"';
		}
		return text;
	}

}
