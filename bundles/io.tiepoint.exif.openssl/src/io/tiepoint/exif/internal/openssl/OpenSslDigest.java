/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.exif.internal.openssl;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.lang.ref.Cleaner;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Optional;

/**
 * A {@link MessageDigest} computed by OpenSSL's libcrypto (3.x) through the foreign function API.
 * On CPUs without SHA instructions the JDK's SHA-1 is Java code, about half as fast as OpenSSL's
 * assembly; SHA-1 is the platform's checksum of every byte sent, so it is worth the native call.
 * <p>
 * Updates are passed to OpenSSL straight from the Java array (a critical downcall, no copy); updates
 * shorter than a block are gathered first so that byte-wise callers do not pay a call per byte. The
 * native context is freed by a {@link Cleaner} when the digest is unreachable.
 */
public final class OpenSslDigest extends MessageDigest implements Cloneable {

	private static final Cleaner CLEANER = Cleaner.create(r -> {
		Thread t = new Thread(r, "tiepoint-digest-cleaner");
		t.setDaemon(true);
		return t;
	});
	private static final int SMALL = 64;

	private final Native lib;
	private final MemorySegment md;
	private final int length;
	private final Holder ctx;
	private final byte[] pending = new byte[SMALL];
	private int pendingLength;

	private OpenSslDigest(String algorithm, Native lib, MemorySegment md, int length) {
		super(algorithm);
		this.lib = lib;
		this.md = md;
		this.length = length;
		this.ctx = Holder.create(lib, this);
		init();
	}

	/**
	 * @param algorithm the JCA name: {@code SHA-1} or {@code MD5}
	 * @return OpenSSL's digest, or empty when libcrypto 3 cannot be loaded here (or the algorithm is
	 *         not one of the two)
	 */
	public static Optional<MessageDigest> create(String algorithm) {
		Optional<Native> lib = Native.get();
		if (lib.isEmpty()) {
			return Optional.empty();
		}
		Native n = lib.get();
		return switch (algorithm.toUpperCase(Locale.ROOT)) {
		case "SHA-1", "SHA1", "SHA" -> Optional.of(new OpenSslDigest("SHA-1", n, n.sha1, 20));
		case "MD5" -> Optional.of(new OpenSslDigest("MD5", n, n.md5, 16));
		default -> Optional.empty();
		};
	}

	/** @return the library's version text ("OpenSSL 3.5.1 ..."), or empty when it cannot be loaded */
	public static Optional<String> version() {
		return Native.get().map(n -> n.version);
	}

	/** @return why libcrypto could not be loaded, or empty when it was */
	public static Optional<String> unavailableReason() {
		Native.get();
		return Optional.ofNullable(Native.failure);
	}

	private void init() {
		pendingLength = 0;
		int rc;
		try {
			rc = (int) lib.init.invokeExact(ctx.address, md, MemorySegment.NULL);
		} catch (Throwable e) {
			throw failed("EVP_DigestInit_ex", e);
		}
		check(rc, "EVP_DigestInit_ex");
	}

	@Override
	protected int engineGetDigestLength() {
		return length;
	}

	@Override
	protected void engineUpdate(byte input) {
		if (pendingLength == SMALL) {
			flush();
		}
		pending[pendingLength++] = input;
	}

	@Override
	protected void engineUpdate(byte[] input, int offset, int len) {
		if (len <= 0) {
			return;
		}
		if (len < SMALL) {
			if (pendingLength + len > SMALL) {
				flush();
			}
			System.arraycopy(input, offset, pending, pendingLength, len);
			pendingLength += len;
			return;
		}
		flush();
		hash(input, offset, len);
	}

	private void flush() {
		if (pendingLength > 0) {
			hash(pending, 0, pendingLength);
			pendingLength = 0;
		}
	}

	private void hash(byte[] input, int offset, int len) {
		MemorySegment data = MemorySegment.ofArray(input).asSlice(offset, len);
		int rc;
		try {
			rc = (int) lib.update.invokeExact(ctx.address, data, (long) len);
		} catch (Throwable e) {
			throw failed("EVP_DigestUpdate", e);
		}
		check(rc, "EVP_DigestUpdate");
	}

	@Override
	protected byte[] engineDigest() {
		flush();
		byte[] out = new byte[length];
		int rc;
		try {
			rc = (int) lib.finish.invokeExact(ctx.address, MemorySegment.ofArray(out), MemorySegment.NULL);
		} catch (Throwable e) {
			throw failed("EVP_DigestFinal_ex", e);
		}
		check(rc, "EVP_DigestFinal_ex");
		init();
		return out;
	}

	@Override
	protected void engineReset() {
		init();
	}

	@Override
	public Object clone() throws CloneNotSupportedException {
		OpenSslDigest copy = new OpenSslDigest(getAlgorithm(), lib, md, length);
		int rc;
		try {
			rc = (int) lib.copy.invokeExact(copy.ctx.address, ctx.address);
		} catch (Throwable e) {
			throw failed("EVP_MD_CTX_copy_ex", e);
		}
		check(rc, "EVP_MD_CTX_copy_ex");
		System.arraycopy(pending, 0, copy.pending, 0, pendingLength);
		copy.pendingLength = pendingLength;
		return copy;
	}

	@Override
	public String toString() {
		return getAlgorithm() + " Message Digest from " + lib.version;
	}

	private static RuntimeException failed(String call, Throwable e) {
		if (e instanceof RuntimeException r) {
			return r;
		}
		if (e instanceof Error err) {
			throw err;
		}
		return new IllegalStateException(call + " failed", e);
	}

	private static void check(int rc, String call) {
		if (rc != 1) {
			throw new IllegalStateException(call + " failed in libcrypto (" + rc + ")");
		}
	}

	/** The native context and its release, apart from the digest so that the cleaner does not keep it. */
	private static final class Holder implements Runnable {
		final MemorySegment address;
		final Native lib;

		private Holder(Native lib, MemorySegment address) {
			this.lib = lib;
			this.address = address;
		}

		static Holder create(Native lib, Object owner) {
			MemorySegment a;
			try {
				a = (MemorySegment) lib.newCtx.invokeExact();
			} catch (Throwable e) {
				throw new IllegalStateException("EVP_MD_CTX_new failed", e);
			}
			if (a.equals(MemorySegment.NULL)) {
				throw new OutOfMemoryError("EVP_MD_CTX_new returned NULL");
			}
			Holder h = new Holder(lib, a);
			CLEANER.register(owner, h);
			return h;
		}

		@Override
		public void run() {
			try {
				lib.freeCtx.invokeExact(address);
			} catch (Throwable e) {
				// nothing sensible to do in a cleaner
			}
		}
	}

	/** libcrypto's functions, looked up once. */
	private static final class Native {
		private static volatile Optional<Native> instance;
		static volatile String failure;

		final MethodHandle newCtx;
		final MethodHandle freeCtx;
		final MethodHandle init;
		final MethodHandle update;
		final MethodHandle finish;
		final MethodHandle copy;
		final MemorySegment sha1;
		final MemorySegment md5;
		final String version;

		private Native() throws Throwable {
			SymbolLookup lib = SymbolLookup.libraryLookup("libcrypto.so.3", Arena.global());
			Linker linker = Linker.nativeLinker();
			newCtx = linker.downcallHandle(find(lib, "EVP_MD_CTX_new"), FunctionDescriptor.of(ADDRESS));
			freeCtx = linker.downcallHandle(find(lib, "EVP_MD_CTX_free"), FunctionDescriptor.ofVoid(ADDRESS));
			init = linker.downcallHandle(find(lib, "EVP_DigestInit_ex"),
					FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS));
			// critical: the bytes are read in place from the Java array; the call neither blocks nor calls back
			update = linker.downcallHandle(find(lib, "EVP_DigestUpdate"),
					FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_LONG), Linker.Option.critical(true));
			finish = linker.downcallHandle(find(lib, "EVP_DigestFinal_ex"),
					FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS), Linker.Option.critical(true));
			copy = linker.downcallHandle(find(lib, "EVP_MD_CTX_copy_ex"),
					FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
			MethodHandle fetch = linker.downcallHandle(find(lib, "EVP_MD_fetch"),
					FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS, ADDRESS));
			MethodHandle versionOf = linker.downcallHandle(find(lib, "OpenSSL_version"),
					FunctionDescriptor.of(ADDRESS, JAVA_INT));
			try (Arena a = Arena.ofConfined()) {
				// explicitly fetched once: an implicit fetch would look the algorithm up on every init
				sha1 = (MemorySegment) fetch.invokeExact(MemorySegment.NULL, a.allocateFrom("SHA1"), MemorySegment.NULL);
				md5 = (MemorySegment) fetch.invokeExact(MemorySegment.NULL, a.allocateFrom("MD5"), MemorySegment.NULL);
			}
			if (sha1.equals(MemorySegment.NULL) || md5.equals(MemorySegment.NULL)) {
				throw new IllegalStateException("libcrypto offers no SHA1 or MD5 (a FIPS-only configuration?)");
			}
			MemorySegment v = (MemorySegment) versionOf.invokeExact(0); // OPENSSL_VERSION
			version = v.reinterpret(256).getString(0);
		}

		private static MemorySegment find(SymbolLookup lib, String name) {
			return lib.find(name).orElseThrow(() -> new IllegalStateException("libcrypto has no " + name));
		}

		static Optional<Native> get() {
			Optional<Native> n = instance;
			if (n == null) {
				synchronized (Native.class) {
					n = instance;
					if (n == null) {
						n = load();
						instance = n;
					}
				}
			}
			return n;
		}

		private static Optional<Native> load() {
			if ("jdk".equalsIgnoreCase(System.getProperty("tiepoint.digests", ""))) {
				failure = "-Dtiepoint.digests=jdk";
				return Optional.empty();
			}
			try {
				return Optional.of(new Native());
			} catch (Throwable e) {
				failure = e.toString();
				return Optional.empty();
			}
		}
	}
}
