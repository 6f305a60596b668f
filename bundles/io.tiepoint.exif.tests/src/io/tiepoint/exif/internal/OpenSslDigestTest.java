/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.exif.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.tiepoint.exif.Digests;

/** The product's SHA-1 and MD5 (OpenSSL's where it loads) give the JDK's digests whatever the sizes and chunking. */
public class OpenSslDigestTest {

	private static final String[] ALGORITHMS = { "SHA-1", "MD5" };

	/** Where Java is 22+ and the system has libcrypto 3, the product must be hashing with it. */
	@Test
	void opensslWhereverItCanLoad() throws Exception {
		assumeTrue(Runtime.version().feature() >= 22, "the foreign function API needs Java 22");
		Process p = new ProcessBuilder("ldconfig", "-p").redirectErrorStream(true).start();
		String libs = new String(p.getInputStream().readAllBytes());
		p.waitFor();
		assumeTrue(libs.contains("libcrypto.so.3"), "no libcrypto.so.3 on this system");
		assertTrue(Digests.implementation().contains("libcrypto"), Digests.implementation());
		assertEquals("OpenSslDigest", Digests.sha1().getClass().getSimpleName());
		assertEquals("OpenSslDigest", Digests.md5().getClass().getSimpleName());
	}

	/** The comparisons with the JDK prove something only where the product's digests are OpenSSL's. */
	private static void assumeLibcrypto() {
		assumeTrue(Digests.implementation().contains("libcrypto"), "the digests here are the JDK's ("
				+ Digests.implementation() + "): comparing the JDK with itself proves nothing");
	}

	@Test
	void knownAnswers() {
		assertEquals("da39a3ee5e6b4b0d3255bfef95601890afd80709", hex(Digests.sha1().digest()));
		assertEquals("a9993e364706816aba3e25717850c26c9cd0d89d", hex(Digests.sha1().digest("abc".getBytes())));
		assertEquals("d41d8cd98f00b204e9800998ecf8427e", hex(Digests.md5().digest()));
		assertEquals("900150983cd24fb0d6963f7d28e17f72", hex(Digests.md5().digest("abc".getBytes())));
	}

	@Test
	void sameAsTheJdkForAnySizeAndChunking() throws Exception {
		assumeLibcrypto();
		Random rnd = new Random(42);
		int[] sizes = { 0, 1, 55, 56, 63, 64, 65, 127, 128, 1000, 65_536, (1 << 20) + 7 };
		for (String alg : ALGORITHMS) {
			for (int size : sizes) {
				byte[] data = new byte[size];
				rnd.nextBytes(data);
				byte[] expected = MessageDigest.getInstance(alg).digest(data);
				for (int chunking = 0; chunking < 4; chunking++) {
					MessageDigest d = Digests.create(alg);
					feed(d, data, chunking, rnd);
					assertArrayEquals(expected, d.digest(), alg + " of " + size + " bytes, chunking " + chunking);
					// digest() resets: the same digest object hashes the next input from scratch
					feed(d, data, (chunking + 1) % 4, rnd);
					assertArrayEquals(expected, d.digest(), alg + " of " + size + " bytes after a digest()");
				}
			}
		}
	}

	@Test
	void cloneAndResetKeepTheirState() throws Exception {
		assumeLibcrypto();
		byte[] a = new byte[10_000];
		byte[] b = new byte[7_777];
		new Random(7).nextBytes(a);
		new Random(8).nextBytes(b);
		for (String alg : ALGORITHMS) {
			MessageDigest jdk = MessageDigest.getInstance(alg);
			MessageDigest d = Digests.create(alg);
			d.update(a, 0, 5_000);
			d.update(a[5_000]); // a pending byte is part of the clone's state too
			MessageDigest copy = (MessageDigest) d.clone();
			d.update(a, 5_001, a.length - 5_001);
			copy.update(b);
			jdk.update(a);
			assertArrayEquals(jdk.digest(), d.digest(), alg + " original after clone");
			jdk.update(a, 0, 5_001);
			jdk.update(b);
			assertArrayEquals(jdk.digest(), copy.digest(), alg + " clone");
			d.update(b);
			d.reset();
			d.update(a);
			assertArrayEquals(MessageDigest.getInstance(alg).digest(a), d.digest(), alg + " after reset");
		}
	}

	@Test
	void threadsHashIndependently() throws Exception {
		assumeLibcrypto();
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<Boolean>> results = new ArrayList<>();
			for (int t = 0; t < 16; t++) {
				int seed = t;
				results.add(pool.submit(() -> {
					byte[] data = new byte[200_000 + seed * 1_001];
					new Random(seed).nextBytes(data);
					MessageDigest d = Digests.sha1();
					for (int off = 0; off < data.length; off += 4_096) {
						d.update(data, off, Math.min(4_096, data.length - off));
					}
					return MessageDigest.isEqual(MessageDigest.getInstance("SHA-1").digest(data), d.digest());
				}));
			}
			for (Future<Boolean> f : results) {
				assertEquals(Boolean.TRUE, f.get());
			}
		} finally {
			pool.shutdownNow();
		}
	}

	private static void feed(MessageDigest d, byte[] data, int chunking, Random rnd) {
		switch (chunking) {
		case 0 -> d.update(data);
		case 1 -> {
			for (byte x : data) {
				d.update(x);
			}
		}
		default -> {
			int max = chunking == 2 ? 70 : 100_000;
			for (int off = 0; off < data.length;) {
				int n = Math.min(data.length - off, 1 + rnd.nextInt(max));
				d.update(data, off, n);
				off += n;
			}
		}
		}
	}

	private static String hex(byte[] d) {
		return HexFormat.of().formatHex(d);
	}
}
