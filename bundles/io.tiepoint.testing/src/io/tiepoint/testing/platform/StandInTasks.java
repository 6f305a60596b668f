/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.testing.platform;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.tiepoint.platform.PlatformException;
import io.tiepoint.platform.PlatformException.Kind;
import io.tiepoint.platform.RemoteTask;

/**
 * The reconstruction tasks of a {@link PlatformStandIn}, started by the hub's rules ({@link #start},
 * {@link #preStart}) and finished at once ({@code Done}). Used under the stand-in's lock.
 */
final class StandInTasks {

	private final Map<String, List<RemoteTask>> tasks = new HashMap<>();

	/**
	 * {@code startReconstructionWithError}, as the hub: refused while an image's bytes are being verified (it is
	 * about to settle) or when none is Ready; images whose bytes never came (Pending or Uploading, perhaps
	 * abandoned by a client) do not hold it up, the client decides whether what is Ready is what it meant.
	 *
	 * @param id     the new task's id
	 * @param pid    the project
	 * @param type   the task type, or null for {@code Reconstruction}
	 * @param images the project's images, verified as far as they can be
	 * @return the task, finished
	 * @throws PlatformException {@code REJECTED} ({@code IMAGES_NOT_READY}, {@code NO_IMAGES}) as the hub
	 */
	RemoteTask start(String id, String pid, String type, List<StandInImage> images) throws PlatformException {
		if (images.stream().anyMatch(i -> StandInImage.UPLOADED.equals(i.state))) {
			throw new PlatformException(Kind.REJECTED, "IMAGES_NOT_READY", "some images are being verified", null);
		}
		if (images.stream().noneMatch(i -> StandInImage.READY.equals(i.state))) {
			throw new PlatformException(Kind.REJECTED, "NO_IMAGES", "the project has no Ready image", null);
		}
		return add(pid, task(id, type, "Done"));
	}

	/**
	 * {@code preStartReconstruction}, as the hub: a Pending task that starts (here: is Done at once) when every
	 * image is Ready or Invalid; {@link #advance} moves it on.
	 *
	 * @param id     the new task's id
	 * @param pid    the project
	 * @param type   the task type, or null for {@code Reconstruction}
	 * @param images the project's images, verified as far as they can be
	 * @return the task, Pending or Done
	 * @throws PlatformException {@code REJECTED} ({@code NO_IMAGES}, {@code ALREADY_RUNNING}) as the hub
	 */
	RemoteTask preStart(String id, String pid, String type, List<StandInImage> images) throws PlatformException {
		if (images.isEmpty()) {
			throw new PlatformException(Kind.REJECTED, "NO_IMAGES", "the project has no image", null);
		}
		if (latest(pid).filter(t -> "Pending".equals(t.state())).isPresent()) {
			throw new PlatformException(Kind.REJECTED, "ALREADY_RUNNING", "a task of this project is pending", null);
		}
		add(pid, task(id, type, "Pending"));
		return advance(pid, images).orElseThrow();
	}

	/**
	 * @param pid    the project
	 * @param images its images, verified as far as they can be
	 * @return its latest task, started (Done, or Failed without a Ready image) if it was Pending and every image
	 *         is now Ready or Invalid
	 */
	Optional<RemoteTask> advance(String pid, List<StandInImage> images) {
		Optional<RemoteTask> last = latest(pid);
		if (last.isEmpty() || !"Pending".equals(last.get().state()) || images.stream().anyMatch(StandInImage::open)) {
			return last;
		}
		List<RemoteTask> list = tasks.get(pid);
		boolean none = images.stream().noneMatch(i -> StandInImage.READY.equals(i.state));
		RemoteTask t = task(last.get().id(), last.get().taskType(), none ? "Failed" : "Done");
		list.set(list.size() - 1, t);
		return Optional.of(t);
	}

	private RemoteTask add(String pid, RemoteTask t) {
		tasks.computeIfAbsent(pid, p -> new ArrayList<>()).add(t);
		return t;
	}

	private static RemoteTask task(String id, String type, String state) {
		String taskType = type == null ? "Reconstruction" : type;
		String now = Instant.now().toString();
		boolean ended = !"Pending".equals(state);
		return new RemoteTask(id, taskType, state, ended ? 1 : 0, 1, ended ? now : null, ended ? now : null,
				"Failed".equals(state) ? List.of("NO_IMAGES") : List.of(), "{\"id\":\"" + id + "\",\"taskType\":\""
						+ taskType + "\",\"state\":\"" + state + "\"}");
	}

	/** @return the project's latest task */
	Optional<RemoteTask> latest(String pid) {
		List<RemoteTask> list = tasks.getOrDefault(pid, List.of());
		return list.isEmpty() ? Optional.empty() : Optional.of(list.get(list.size() - 1));
	}

	/** @return the project's tasks, oldest first */
	List<RemoteTask> all(String pid) {
		return List.copyOf(tasks.getOrDefault(pid, List.of()));
	}
}
