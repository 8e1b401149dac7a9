package io.miniauth.server.importing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Users from a CSV file (RFC 4180, UTF-8, an optional byte order mark), whose header row
 * names MiniAuth's fields: any of {@link ImportField}'s names, {@code openid} among them.
 * An empty value is {@code null}. A column of another name stops the import before any
 * row is read, so that a misspelt column is not silently left out.
 */
final class CsvRowSource implements RowSource {

	private static final char BYTE_ORDER_MARK = '\uFEFF';

	private final String description;

	private final CSVParser parser;

	private final Iterator<CSVRecord> records;

	private final List<ImportField> columns;

	private CsvRowSource(Path file, CSVParser parser) {
		this.description = file.toString();
		this.parser = parser;
		this.records = parser.iterator();
		this.columns = readHeader();
	}

	/**
	 * Opens a file and reads its header.
	 * @param file the CSV file
	 * @return the source, positioned at the first row
	 * @throws ImportFailedException when the file cannot be read or its header is wrong
	 */
	static CsvRowSource open(Path file) {
		Reader reader = null;
		try {
			reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
			skipByteOrderMark((BufferedReader) reader);
			CSVParser parser = CSVParser.parse(reader, CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get());
			return new CsvRowSource(file, parser);
		}
		catch (NoSuchFileException ex) {
			throw new ImportFailedException("No such file: " + file);
		}
		catch (IOException | UncheckedIOException ex) {
			closeQuietly(reader);
			throw new ImportFailedException("Cannot read " + file + ": " + ex.getMessage());
		}
		catch (RuntimeException ex) {
			closeQuietly(reader);
			throw ex;
		}
	}

	@Override
	public String description() {
		return this.description;
	}

	@Override
	public SourceRow next() {
		while (true) {
			long line = this.parser.getCurrentLineNumber() + 1;
			CSVRecord record = nextRecord();
			if (record == null) {
				return null;
			}
			if (record.size() == 1 && record.get(0).isEmpty()) {
				continue;
			}
			String ref = "line " + line;
			if (record.size() != this.columns.size()) {
				return new SourceRow(ref, Map.of(),
						"has " + record.size() + " values, the header has " + this.columns.size());
			}
			Map<ImportField, String> values = new EnumMap<>(ImportField.class);
			for (int i = 0; i < this.columns.size(); i++) {
				String value = record.get(i);
				values.put(this.columns.get(i), value.isEmpty() ? null : value);
			}
			return new SourceRow(ref, values, null);
		}
	}

	@Override
	public void close() {
		try {
			this.parser.close();
		}
		catch (IOException ex) {
			// read only: nothing was lost
		}
	}

	private List<ImportField> readHeader() {
		CSVRecord header = nextRecord();
		if (header == null) {
			throw new ImportFailedException(this.description + " is empty: its first line must name the fields");
		}
		List<ImportField> fields = new ArrayList<>();
		for (String name : header) {
			ImportField field = ImportField.named(name.strip())
				.orElseThrow(() -> new ImportFailedException("Unknown column '" + name + "' in the header of "
						+ this.description + ": the columns can be " + ImportField.allNames()));
			if (fields.contains(field)) {
				throw new ImportFailedException("The column '" + name + "' is named twice in " + this.description);
			}
			fields.add(field);
		}
		if (!fields.contains(ImportField.OPENID)) {
			throw new ImportFailedException("The header of " + this.description + " must name an openid column");
		}
		return fields;
	}

	private CSVRecord nextRecord() {
		try {
			return this.records.hasNext() ? this.records.next() : null;
		}
		catch (UncheckedIOException ex) {
			throw new ImportFailedException(this.description + " is not valid CSV after line "
					+ this.parser.getCurrentLineNumber() + ": " + ex.getCause().getMessage());
		}
	}

	private static void skipByteOrderMark(BufferedReader reader) throws IOException {
		reader.mark(1);
		if (reader.read() != BYTE_ORDER_MARK) {
			reader.reset();
		}
	}

	private static void closeQuietly(Reader reader) {
		if (reader != null) {
			try {
				reader.close();
			}
			catch (IOException ex) {
				// already failing
			}
		}
	}

}
