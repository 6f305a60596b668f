/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.p2;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Where a repository is: a URL, a folder or a zipped repository, as a user types it. */
public final class Repositories {

	private Repositories() {
	}

	/**
	 * @param text {@code https://...}, {@code file:/...}, a folder holding {@code content.*} and {@code artifacts.*},
	 *             or a {@code .zip} of one
	 * @return the repository's URI (a zip as {@code jar:file:...!/})
	 * @throws PluginException naming the argument when it is none of these
	 */
	public static URI location(String text) throws PluginException {
		if (text.matches("(?i)(https?|file|jar):.*")) {
			try {
				return new URI(text);
			} catch (URISyntaxException e) {
				throw new PluginException("--repository " + text + ": not a URI (" + e.getReason() + ")");
			}
		}
		Path p = Path.of(text).toAbsolutePath().normalize();
		if (Files.isDirectory(p)) {
			return p.toUri();
		}
		String name = p.getFileName() == null ? "" : p.getFileName().toString().toLowerCase(Locale.ROOT);
		if (Files.isRegularFile(p) && (name.endsWith(".zip") || name.endsWith(".jar"))) {
			return URI.create("jar:" + p.toUri() + "!/");
		}
		throw new PluginException("--repository " + text + ": no such folder or zip file, and not a URL"
				+ " (a p2 repository: https://..., a folder, or a .zip)");
	}
}
