package io.miniauth.server.importing;

import java.io.Closeable;

/**
 * Where imported users come from, read one row at a time so that a large table never sits
 * in memory.
 */
interface RowSource extends Closeable {

	/**
	 * What the report calls this source.
	 * @return for example {@code users.csv}
	 */
	String description();

	/**
	 * The next row.
	 * @return the row, or {@code null} after the last one
	 * @throws ImportFailedException when the source cannot be read any further
	 */
	SourceRow next();

	@Override
	void close();

}
