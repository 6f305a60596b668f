/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.storage.gridfs.tests;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import io.tiepoint.core.storage.OffsetResumable;
import io.tiepoint.core.storage.RangedDownload;
import io.tiepoint.core.storage.StorageException;
import io.tiepoint.core.storage.StorageObject;
import io.tiepoint.core.storage.StorageSession;
import io.tiepoint.core.storage.StoredObject;
import io.tiepoint.hub.Hub;
import io.tiepoint.hub.HubConfig;
import io.tiepoint.testing.net.FaultProxy;

/**
 * Benchmark for {@code benchmarks/gridfs-bench.sh}: uploads N files of M MiB through the provider into
 * a hub on loopback (embedded MongoDB with its H2 file), downloads them with ranged requests, and cuts
 * one upload mid-body to count the bytes re-sent. Disabled unless {@code -Dtiepoint.bench=gridfs};
 * prints figures, asserts nothing about speed.
 */
class GridFsBenchmark {

	@TempDir
	Path dir;

	/** Content made block by block from a seed, so 200 files need no memory. */
	static StorageObject generated(String name, long length, long seed) throws java.io.IOException {
		io.tiepoint.core.storage.Content c = new io.tiepoint.core.storage.Content() {
			@Override
			public long length() {
				return length;
			}

			@Override
			public java.io.InputStream open(long offset) {
				return new java.io.InputStream() {
					private long pos = offset;
					private final byte[] block = new byte[BLOCK];
					private long blockIndex = -1;

					@Override
					public int read() {
						byte[] one = new byte[1];
						return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
					}

					@Override
					public int read(byte[] b, int off, int len) {
						if (pos >= length) {
							return -1;
						}
						long bi = pos / BLOCK;
						if (bi != blockIndex) {
							new java.util.SplittableRandom(seed * 1_000_003L + bi).nextBytes(block);
							blockIndex = bi;
						}
						int in = (int) (pos % BLOCK);
						int n = (int) Math.min(Math.min(len, BLOCK - in), length - pos);
						System.arraycopy(block, in, b, off, n);
						pos += n;
						return n;
					}
				};
			}
		};
		java.security.MessageDigest md5;
		java.security.MessageDigest sha1;
		try {
			md5 = java.security.MessageDigest.getInstance("MD5");
			sha1 = java.security.MessageDigest.getInstance("SHA-1");
		} catch (java.security.NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
		try (java.io.InputStream in = c.open(0)) {
			byte[] buf = new byte[BLOCK];
			for (int n; (n = in.read(buf)) > 0;) {
				md5.update(buf, 0, n);
				sha1.update(buf, 0, n);
			}
		}
		java.util.HexFormat hex = java.util.HexFormat.of();
		return new StorageObject(name, name, c, hex.formatHex(sha1.digest()), hex.formatHex(md5.digest()), null, null,
				null);
	}

	private static final int BLOCK = 64 * 1024;

	@Test
	@EnabledIfSystemProperty(named = "tiepoint.bench", matches = "gridfs", disabledReason = "a benchmark: run benchmarks/gridfs-bench.sh")
	void run() throws Exception {
		String[] args = System.getProperty("tiepoint.bench.args", "").trim().split("\\s+");
		int files = args.length > 0 && !args[0].isEmpty() ? Integer.parseInt(args[0]) : 200;
		int mib = args.length > 1 ? Integer.parseInt(args[1]) : 4;
		int clients = args.length > 2 ? Integer.parseInt(args[2]) : 4;
		System.out.printf(Locale.ROOT, "gridfs bench: %d files x %d MiB, %d clients, %d cores%n", files, mib, clients,
				Runtime.getRuntime().availableProcessors());
		try (Hub hub = Hub.start(HubConfig.builder(dir.resolve("hub")).build());
				StorageSession session = Fixture.session(hub.uri(), hub, null)) {
			List<StorageObject> objects = new ArrayList<>();
			for (int i = 0; i < files; i++) {
				objects.add(generated("bench/" + i + ".bin", (long) mib * 1024 * 1024, 1000 + i));
			}
			OffsetResumable up = session.feature(OffsetResumable.class).orElseThrow();
			ExecutorService pool = Executors.newFixedThreadPool(clients);
			try {
				long t0 = System.nanoTime();
				List<Future<StoredObject>> stored = new ArrayList<>();
				for (StorageObject o : objects) {
					stored.add(pool.submit(() -> up.upload(o, null, null, new NullProgressMonitor())));
				}
				List<String> ids = new ArrayList<>();
				for (Future<StoredObject> f : stored) {
					ids.add(f.get().key());
				}
				double upSeconds = (System.nanoTime() - t0) / 1e9;
				long total = (long) files * mib * 1024 * 1024;
				System.out.printf(Locale.ROOT, "upload:   %.1f MB/s (%d bytes in %.1f s)%n", total / 1e6 / upSeconds, total,
						upSeconds);
				RangedDownload down = session.feature(RangedDownload.class).orElseThrow();
				Path out = Files.createDirectories(dir.resolve("down"));
				long t1 = System.nanoTime();
				List<Future<StoredObject>> got = new ArrayList<>();
				for (int i = 0; i < ids.size(); i++) {
					String id = ids.get(i);
					Path to = out.resolve(i + ".bin");
					// every download resumes a partial file: a ranged GET from its length
					Files.write(to, new byte[0]);
					got.add(pool.submit(() -> {
						StoredObject s = down.download(id, to, new NullProgressMonitor());
						Files.delete(to);
						return s;
					}));
				}
				for (int i = 0; i < got.size(); i++) {
					if (!got.get(i).get().md5().equals(objects.get(i).md5())) {
						throw new AssertionError("md5 of download " + i);
					}
				}
				double downSeconds = (System.nanoTime() - t1) / 1e9;
				System.out.printf(Locale.ROOT, "download: %.1f MB/s ranged (%d bytes in %.1f s)%n",
						total / 1e6 / downSeconds, total, downSeconds);
			} finally {
				pool.shutdownNow();
			}
			// one interrupted upload: cut after 2.5 chunks plus a little, then resume
			byte[] b = Fixture.random(mib * 1024 * 1024, 99);
			StorageObject o = Fixture.object("bench/cut.bin", b, 0);
			try (FaultProxy proxy = FaultProxy.start();
					Hub behind = Fixture.behind(proxy, dir.resolve("behind"));
					StorageSession viaProxy = Fixture.session(URI.create("http://127.0.0.1:" + proxy.port() + "/"), behind,
							null)) {
				long cut = 5L * 255 * 1024 / 2 + 4321;
				proxy.cutPostAfter(cut, 1);
				Fixture.Recorder r = new Fixture.Recorder();
				OffsetResumable p = viaProxy.feature(OffsetResumable.class).orElseThrow();
				long r0 = behind.diagnostics().resourceBytesReceived();
				try {
					p.upload(o, null, r, new NullProgressMonitor());
				} catch (StorageException expected) {
					// the cut
				}
				long deadline = System.nanoTime() + 10_000_000_000L;
				while (behind.diagnostics().resourceBytesReceived() - r0 < cut && System.nanoTime() < deadline) {
					Thread.sleep(10);
				}
				Thread.sleep(300);
				long before = behind.diagnostics().resourceBytesReceived();
				Fixture.Recorder again = new Fixture.Recorder();
				p.upload(o, r.token, again, new NullProgressMonitor());
				long sentAfter = behind.diagnostics().resourceBytesReceived() - before;
				long resumedFrom = again.committed.get(0);
				if (resumedFrom <= 0 || resumedFrom > cut || sentAfter > b.length - resumedFrom + 255 * 1024) {
					throw new AssertionError("the interrupted upload did not resume where the hub had stopped: cut after "
							+ cut + ", resumed from " + resumedFrom + ", second attempt sent " + sentAfter);
				}
				System.out.printf(Locale.ROOT,
						"interrupted upload: cut after %d body bytes, resumed from %d, re-sent %d bytes (chunk %d); "
								+ "second attempt sent %d of %d bytes%n",
						cut, resumedFrom, cut - resumedFrom, 255 * 1024, sentAfter, b.length);
			}
		}
	}
}
