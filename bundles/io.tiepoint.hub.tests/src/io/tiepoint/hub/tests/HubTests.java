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

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.time.Duration;
import java.util.function.Supplier;

import org.bson.types.ObjectId;

import com.fasterxml.jackson.databind.JsonNode;

import io.tiepoint.hub.Hub;
import io.tiepoint.hub.internal.server.HubInternals;

/** Helpers shared by the hub tests. */
public final class HubTests {

	private HubTests() {
	}

	/**
	 * Stores bytes for a GridFS-registered image the way the resource service will, and completes it.
	 *
	 * @param hub   the hub
	 * @param url   the upload URL returned by uploadImageGridFS
	 * @param bytes the content
	 */
	public static void gridFsUpload(Hub hub, String url, byte[] bytes) {
		String uid = URI.create(url).getQuery().substring("uid=".length());
		ObjectId file = HubInternals.database(hub).gridFs().uploadFromStream(uid, new ByteArrayInputStream(bytes));
		HubInternals.gridFsUploads(hub).completed(uid, file.toHexString());
	}

	/** Polls until the condition holds. @param what description @param timeout limit @param test condition */
	public static void await(String what, Duration timeout, Supplier<Boolean> test) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!test.get()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("timed out waiting for " + what);
			}
			try {
				Thread.sleep(100);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new AssertionError(e);
			}
		}
	}

	/** @param gql client @param pid project @param iid image @return the image's detail */
	public static JsonNode image(Gql gql, String pid, String iid) {
		return gql.data(Docs.IMAGE_FULL, "pid", pid, "iid", iid).path("project").path("image");
	}

	/** @param gql client @param pid project @param iid image @param timeout limit @return the final image */
	public static JsonNode awaitSettled(Gql gql, String pid, String iid, Duration timeout) {
		await("image " + iid + " Ready or Invalid", timeout, () -> {
			String s = image(gql, pid, iid).path("state").asText();
			return s.equals("Ready") || s.equals("Invalid");
		});
		return image(gql, pid, iid);
	}
}
