/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.core.operations;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

import io.tiepoint.core.storage.ProviderSetting;
import io.tiepoint.core.storage.StorageProviderDescriptor;
import io.tiepoint.core.storage.StorageProviders;

/**
 * Checks a direct destination given on a command line or in a wizard before anything is created: a URI of
 * an installed provider's scheme, without a secret in it (credentials belong in settings, not in command
 * lines, journals or logs).
 */
public final class Destinations {

	/** Query parameters that carry credentials in the URLs of S3, OSS, Google and friends. */
	private static final Pattern SECRET_PARAM = Pattern.compile(
			"(?i)(^|&)(x-amz-[a-z-]*|x-oss-[a-z-]*|signature|sig|access[_-]?key[a-z_-]*|secret[a-z_-]*|token|[a-z_]*token"
					+ "|password|passwd|pwd|key|credential[a-z_-]*|security-token|license|appid)=");

	private Destinations() {
	}

	/**
	 * @param text      the destination as the user wrote it
	 * @param providers the installed providers
	 * @return the URI, without a trailing slash
	 * @throws IllegalArgumentException naming the problem: not a URI, no provider for its scheme (listing the
	 *                                  installed ones), or a secret in it (shown without the secret)
	 */
	public static URI parse(String text, StorageProviders providers) {
		URI uri;
		try {
			uri = new URI(text.strip());
		} catch (URISyntaxException e) {
			throw new IllegalArgumentException("--to " + text + ": not a URI (" + e.getReason() + ")");
		}
		// SCHEME:///PATH (no WHERE: a folder of this machine, e.g. folder:///mnt/nas) is a destination too
		boolean local = uri.getScheme() != null && uri.getRawAuthority() == null && uri.getRawPath() != null
				&& text.strip().regionMatches(uri.getScheme().length(), ":///", 0, 4);
		if (uri.getScheme() == null || uri.getRawAuthority() == null && !local) {
			throw new IllegalArgumentException("--to " + text + ": a destination is SCHEME://WHERE/PREFIX, e.g. "
					+ example(providers));
		}
		StorageProviderDescriptor d = providers.forDestination(uri).orElseThrow(() -> new IllegalArgumentException(
				"--to " + shown(uri) + ": no installed storage provider takes " + uri.getScheme().toLowerCase(Locale.ROOT)
						+ ":// destinations (installed: " + example(providers) + "; 'tiepoint providers' lists them)"));
		if (uri.getRawUserInfo() != null || uri.getRawQuery() != null && SECRET_PARAM.matcher(uri.getRawQuery()).find()) {
			throw new IllegalArgumentException("--to " + shown(uri) + ": a destination must not carry credentials; put them"
					+ " in the settings (" + String.join(", ", d.settings().stream().filter(ProviderSetting::secret)
							.map(s -> s.key() + " or " + s.environmentVariable()).toList())
					+ ")");
		}
		String s = uri.toString();
		return s.endsWith("/") ? URI.create(s.substring(0, s.length() - 1)) : uri;
	}

	/**
	 * @param uri a destination
	 * @return it without user info or query, for messages
	 */
	public static String shown(URI uri) {
		String authority = uri.getRawAuthority() == null ? "" : uri.getRawAuthority();
		authority = authority.substring(authority.lastIndexOf('@') + 1);
		return uri.getScheme() + "://" + authority + (uri.getRawPath() == null ? "" : uri.getRawPath())
				+ (uri.getRawQuery() == null ? "" : "?...");
	}

	private static String example(StorageProviders providers) {
		return String.join(", ", providers.descriptors().stream().flatMap(d -> d.schemes().stream()).map(s -> s + "://...")
				.toList());
	}
}
