
/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.eclipse.jdt.core.ToolFactory;
import org.eclipse.jdt.core.formatter.CodeFormatter;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.Document;
import org.eclipse.jface.text.IDocument;
import org.eclipse.text.edits.TextEdit;

/**
 * Formats Java sources with the Eclipse JDT formatter and the committed profile, as the IDE would
 * (Source &gt; Format with the project's profile). Run by {@code releng/format.sh}.
 *
 * <pre>
 * java -cp JARS Format.java PROFILE.xml [--check] DIR...
 * </pre>
 *
 * With {@code --check} nothing is written: the files that the profile would change are listed and the
 * exit status is 1 when there is one.
 */
public final class Format {

	private static final Pattern SETTING = Pattern.compile("<setting id=\"([^\"]+)\" value=\"([^\"]*)\"/>");

	private Format() {
	}

	public static void main(String[] args) throws IOException {
		if (args.length < 2) {
			System.err.println("usage: Format PROFILE.xml [--check] DIR...");
			System.exit(2);
		}
		Map<String, String> options = profile(Path.of(args[0]));
		CodeFormatter formatter = ToolFactory.createCodeFormatter(options);
		boolean check = "--check".equals(args[1]);
		List<Path> files = new ArrayList<>();
		for (int i = check ? 2 : 1; i < args.length; i++) {
			try (Stream<Path> walk = Files.walk(Path.of(args[i]))) {
				walk.filter(p -> p.toString().endsWith(".java") && !p.toString().contains("/target/"))
						.sorted().forEach(files::add);
			}
		}
		int changed = 0;
		int failed = 0;
		for (Path file : files) {
			String source = Files.readString(file, StandardCharsets.UTF_8);
			String formatted = format(formatter, source);
			if (formatted == null) {
				System.err.println(file + ": not formatted: the formatter cannot parse it");
				failed++;
			} else if (!formatted.equals(source)) {
				changed++;
				if (check) {
					System.out.println(file + ": not formatted with the profile");
				} else {
					Files.writeString(file, formatted, StandardCharsets.UTF_8);
				}
			}
		}
		System.out.printf("%d files, %d %s, %d not parsed%n", files.size(), changed,
				check ? "to format" : "formatted", failed);
		System.exit(failed > 0 || (check && changed > 0) ? 1 : 0);
	}

	private static String format(CodeFormatter formatter, String source) {
		TextEdit edit = formatter.format(CodeFormatter.K_COMPILATION_UNIT | CodeFormatter.F_INCLUDE_COMMENTS,
				source, 0, source.length(), 0, "\n");
		if (edit == null) {
			return null;
		}
		IDocument doc = new Document(source);
		try {
			edit.apply(doc);
		} catch (BadLocationException e) {
			return null;
		}
		return doc.get();
	}

	/** @return the settings of an Eclipse formatter profile file (the XML the IDE exports) */
	private static Map<String, String> profile(Path xml) throws IOException {
		Map<String, String> options = new HashMap<>();
		Matcher m = SETTING.matcher(Files.readString(xml, StandardCharsets.UTF_8));
		while (m.find()) {
			options.put(m.group(1), m.group(2));
		}
		if (options.isEmpty()) {
			throw new IOException(xml + ": no formatter settings in it");
		}
		return options;
	}
}
