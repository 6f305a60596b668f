/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.exif;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * The checksums of the product: SHA-1 (the platform's image checksum) and MD5 (the resource
 * service's and S3's). Computed by OpenSSL's libcrypto when the fragment {@code io.tiepoint.exif.openssl}
 * is present (it needs Java 22) and libcrypto 3 loads: twice the JDK's SHA-1 speed on CPUs without SHA
 * instructions. Otherwise the JDK's; both give the same digests. {@code -Dtiepoint.digests=jdk} forces
 * the JDK's.
 */
public final class Digests {

	private static final String NATIVE_CLASS = "io.tiepoint.exif.internal.openssl.OpenSslDigest";
	private static final MethodHandle CREATE;
	private static final String IMPLEMENTATION;

	static {
		MethodHandle create = null;
		String impl;
		try {
			Class<?> k = Class.forName(NATIVE_CLASS, true, Digests.class.getClassLoader());
			MethodHandles.Lookup lookup = MethodHandles.publicLookup();
			@SuppressWarnings("unchecked")
			Optional<String> version = (Optional<String>) lookup
					.findStatic(k, "version", MethodType.methodType(Optional.class)).invoke();
			if (version.isPresent()) {
				create = lookup.findStatic(k, "create", MethodType.methodType(Optional.class, String.class));
				impl = version.get() + " (libcrypto)";
			} else {
				@SuppressWarnings("unchecked")
				Optional<String> why = (Optional<String>) lookup
						.findStatic(k, "unavailableReason", MethodType.methodType(Optional.class)).invoke();
				impl = "JDK (" + why.orElse("libcrypto 3 not loaded") + ")";
			}
		} catch (ClassNotFoundException | LinkageError e) {
			impl = "JDK (no io.tiepoint.exif.openssl: it needs Java 22, this is " + Runtime.version().feature() + ")";
		} catch (Throwable e) {
			impl = "JDK (" + e + ")";
		}
		CREATE = create;
		IMPLEMENTATION = impl;
	}

	private Digests() {
	}

	/** @return a new SHA-1 digest */
	public static MessageDigest sha1() {
		return create("SHA-1");
	}

	/** @return a new MD5 digest */
	public static MessageDigest md5() {
		return create("MD5");
	}

	/**
	 * @param algorithm {@code SHA-1} or {@code MD5} (native when possible), or any JCA digest
	 * @return a new digest
	 */
	public static MessageDigest create(String algorithm) {
		if (CREATE != null) {
			try {
				@SuppressWarnings("unchecked")
				Optional<MessageDigest> d = (Optional<MessageDigest>) CREATE.invokeExact(algorithm);
				if (d.isPresent()) {
					return d.get();
				}
			} catch (RuntimeException | Error e) {
				throw e;
			} catch (Throwable e) {
				throw new IllegalStateException(e);
			}
		}
		try {
			return MessageDigest.getInstance(algorithm);
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalArgumentException("no " + algorithm + " digest in this JDK", e);
		}
	}

	/** @return what computes SHA-1 and MD5 here, for {@code --version} and benchmark output */
	public static String implementation() {
		return IMPLEMENTATION;
	}
}
