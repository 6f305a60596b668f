/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.hub.tests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;

import io.tiepoint.hub.Hub;
import io.tiepoint.hub.HubConfig;

/**
 * Benchmark of a hub over loopback: {@code hasImage} + register throughput (GraphQL over HTTP, the
 * embedded MongoDB) and verification throughput in MB/s. Arguments: {@code [images] [clients] [rounds]}.
 * Run by {@code benchmarks/hub-bench.sh}.
 */
public final class HubBench {

	private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();
	/** CPU time spent in the benchmark's client threads (the rest of the process is the hub). */
	private static final java.util.concurrent.atomic.AtomicLong clientCpu = new java.util.concurrent.atomic.AtomicLong();

	private HubBench() {
	}

	/** @param args images per run, concurrent clients, verification rounds over the survey images */
	public static void main(String[] args) throws Exception {
		int images = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
		int clients = args.length > 1 ? Integer.parseInt(args[1]) : 8;
		int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
		Path dir = Files.createTempDirectory("hub-bench");
		try (Hub hub = Hub.start(HubConfig.builder(dir).build())) {
			Gql gql = Gql.of(hub);
			LeanClient lean = new LeanClient(hub);
			warmUp(lean);
			String pid = gql.createProject("bench");
			double[] t = new double[2];
			long c0 = cpu();
			long k0 = clientCpu.get();
			t[0] = phase(clients, images, i -> check(lean.data(Docs.HAS_IMAGE, "pid", pid, "checksum", sum(i)).path("hasImage")
					.path("id").isMissingNode(), "hasImage found image " + i + " before it was registered"));
			long c1 = cpu();
			long k1 = clientCpu.get();
			t[1] = phase(clients, images, i -> check(!lean.data(Docs.UPLOAD_GRIDFS, "pid", pid, "filename", "IMG_" + i + ".JPG",
					"type", "JPEG", "checksum", sum(i)).path("uploadImageGridFS").path("image").path("id").asText().isEmpty(),
					"uploadImageGridFS gave no image id for image " + i));
			int found = 0;
			for (int i = 0; i < images; i += Math.max(1, images / 100)) {
				found += lean.data(Docs.HAS_IMAGE, "pid", pid, "checksum", sum(i)).path("hasImage").path("id").asText()
						.isEmpty() ? 0 : 1;
			}
			check(found == (images + Math.max(1, images / 100) - 1) / Math.max(1, images / 100),
					"hasImage finds every registered image it was asked for: " + found);
			long c2 = cpu();
			long k2 = clientCpu.get();
			System.out.printf(Locale.ROOT, "hasImage: %d calls, %d clients, %.0f ops/s; CPU/op %.2f ms, of which hub + database %.2f ms%n",
					images, clients, images / t[0], (c1 - c0) / 1e6 / images, (c1 - c0 - (k1 - k0)) / 1e6 / images);
			System.out.printf(Locale.ROOT,
					"register (uploadImageGridFS): %d calls, %d clients, %.0f ops/s; CPU/op %.2f ms, of which hub + database %.2f ms%n",
					images, clients, images / t[1], (c2 - c1) / 1e6 / images, (c2 - c1 - (k2 - k1)) / 1e6 / images);
			System.out.printf(Locale.ROOT, "hasImage + register: %d operations in %.2f s = %.0f ops/s%n", 2 * images, t[0] + t[1],
					2 * images / (t[0] + t[1]));
			verification(hub, gql, rounds);
		} finally {
			try (var s = Files.walk(dir)) {
				s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
			}
		}
	}

	private static void warmUp(LeanClient lean) throws Exception {
		String pid = lean.data(Docs.CREATE_PROJECT, "name", "warm-up").path("createProject").path("id").asText();
		phase(4, 1000, i -> lean.data(Docs.HAS_IMAGE, "pid", pid, "checksum", sum(900_000 + i)));
		phase(4, 1000, i -> lean.data(Docs.UPLOAD_GRIDFS, "pid", pid, "filename", "w" + i + ".jpg", "checksum", sum(900_000 + i)));
	}

	/** @return CPU time of this process in nanoseconds, from {@code /proc/self/stat} (Linux, 10 ms ticks) */
	private static long cpu() {
		try {
			String stat = Files.readString(Path.of("/proc/self/stat"));
			String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10_000_000L; // utime + stime, USER_HZ 100
		} catch (java.io.IOException | RuntimeException e) {
			throw new IllegalStateException("cannot read /proc/self/stat", e);
		}
	}

	/** What the benchmark measured must also be right: a wrong answer fails the run (and the @Test around it). */
	private static void check(boolean ok, String what) {
		if (!ok) {
			throw new AssertionError(what);
		}
	}

	private static String sum(int i) {
		return String.format("%040x", 0x1000000L + i);
	}

	private interface Op {
		void run(int i);
	}

	private static double phase(int clients, int n, Op op) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		AtomicInteger next = new AtomicInteger();
		long t0 = System.nanoTime();
		List<Future<?>> fs = new ArrayList<>();
		for (int c = 0; c < clients; c++) {
			fs.add(pool.submit(() -> {
				long c0 = THREADS.getCurrentThreadCpuTime();
				for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
					op.run(i);
				}
				clientCpu.addAndGet(THREADS.getCurrentThreadCpuTime() - c0);
			}));
		}
		for (Future<?> f : fs) {
			f.get();
		}
		pool.shutdown();
		return (System.nanoTime() - t0) / 1e9;
	}

	private static void verification(Hub hub, Gql gql, int rounds) {
		List<Path> files;
		try {
			files = SurveyImages.list(1000);
		} catch (org.opentest4j.TestAbortedException e) {
			System.out.println("verification: skipped (shared data absent)");
			return;
		}
		List<byte[]> bytes = files.stream().map(SurveyImages::read).toList();
		long total = 0;
		List<String[]> uploads = new ArrayList<>();
		for (int r = 0; r < rounds; r++) {
			String pid = gql.createProject("verify-" + r);
			for (int i = 0; i < bytes.size(); i++) {
				JsonNode up = gql.data(Docs.UPLOAD_GRIDFS, "pid", pid, "filename", files.get(i).getFileName().toString(),
						"checksum", SurveyImages.sha1(bytes.get(i))).path("uploadImageGridFS");
				uploads.add(new String[] { pid, up.path("image").path("id").asText(), up.path("url").asText(), String.valueOf(i) });
				total += bytes.get(i).length;
			}
		}
		long[] before = hub.diagnostics().verificationStats();
		long t0 = System.nanoTime();
		for (String[] u : uploads) {
			HubTests.gridFsUpload(hub, u[2], bytes.get(Integer.parseInt(u[3])));
		}
		double stored = (System.nanoTime() - t0) / 1e9;
		int ready = 0;
		for (String[] u : uploads) {
			ready += "Ready".equals(HubTests.awaitSettled(gql, u[0], u[1], Duration.ofMinutes(5)).path("state").asText()) ? 1 : 0;
		}
		check(ready == uploads.size(), "every survey image stored is verified Ready: " + ready + " of " + uploads.size());
		double all = (System.nanoTime() - t0) / 1e9;
		long[] after = hub.diagnostics().verificationStats();
		double mb = total / 1e6;
		System.out.printf(Locale.ROOT,
				"verification: %d images, %.1f MB; GridFS store %.1f MB/s; store+verify to Ready %.1f MB/s (%.1f images/s)%n",
				uploads.size(), mb, mb / stored, mb / all, uploads.size() / all);
		System.out.printf(Locale.ROOT, "verification workers alone: %.1f MB/s per worker (%d images)%n",
				(after[1] - before[1]) / 1e6 / ((after[2] - before[2]) / 1e9), after[0] - before[0]);
	}
}
