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

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;

import io.tiepoint.hub.ReconstructionEngine;
import io.tiepoint.hub.TaskContext;
import io.tiepoint.hub.TaskImage;

/**
 * A tiny real engine for tests: reads every image, writes {@code manifest.txt} (sha1 and name per
 * line) into the work directory, one step per image. Optionally waits on a gate after the first image
 * (to test stopping), and fails on an image named {@code FAIL.jpg}.
 */
public class ManifestEngine implements ReconstructionEngine {

	private final String id;
	private final CountDownLatch gate;

	/** Extension-point constructor. */
	public ManifestEngine() {
		this("manifest", null);
	}

	/** @param id engine id @param gate when non-null, waited for after the first image */
	public ManifestEngine(String id, CountDownLatch gate) {
		this.id = id;
		this.gate = gate;
	}

	@Override
	public String id() {
		return id;
	}

	@Override
	public Set<String> taskTypes() {
		return Set.of("Reconstruction", "Sparse");
	}

	@Override
	public void reconstruct(TaskContext context) throws CoreException {
		List<String> lines = new ArrayList<>();
		int total = context.images().size();
		context.progress(0, total);
		for (TaskImage image : context.images()) {
			if (context.monitor().isCanceled()) {
				throw new OperationCanceledException();
			}
			if (image.name().equals("FAIL.jpg")) {
				throw new CoreException(Status.error("cannot match " + image.name()));
			}
			lines.add(sha1(image) + " " + image.name());
			context.progress(lines.size(), total);
			if (gate != null) {
				while (!context.monitor().isCanceled() && gate.getCount() > 0) {
					try {
						Thread.sleep(20);
					} catch (InterruptedException e) {
						Thread.currentThread().interrupt();
						throw new OperationCanceledException();
					}
				}
			}
		}
		try {
			Files.writeString(context.workDir().resolve("manifest.txt"), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
		} catch (IOException e) {
			throw new CoreException(Status.error("cannot write the manifest", e));
		}
	}

	private static String sha1(TaskImage image) throws CoreException {
		try (InputStream in = new DigestInputStream(image.open(), MessageDigest.getInstance("SHA-1"))) {
			in.transferTo(java.io.OutputStream.nullOutputStream());
			return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
		} catch (IOException | NoSuchAlgorithmException e) {
			throw new CoreException(Status.error("cannot read " + image.path(), e));
		}
	}
}
