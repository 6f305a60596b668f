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
 * The reconstruction tasks of a {@link PlatformStandIn}: a task starts when every image of its project is
 * Ready or Invalid and one is Ready, and finishes at once ({@code Done}). Used under the stand-in's lock.
 */
final class StandInTasks {

	private final Map<String, List<RemoteTask>> tasks = new HashMap<>();

	/**
	 * @param id     the new task's id
	 * @param pid    the project
	 * @param type   the task type, or null for {@code Reconstruction}
	 * @param images the project's images, verified as far as they can be
	 * @return the task, finished
	 * @throws PlatformException {@code REJECTED} ({@code IMAGES_NOT_READY}, {@code NO_IMAGES}) as the hub
	 */
	RemoteTask start(String id, String pid, String type, List<StandInImage> images) throws PlatformException {
		if (images.stream().anyMatch(StandInImage::open)) {
			throw new PlatformException(Kind.REJECTED, "IMAGES_NOT_READY", "some images are not yet Ready or Invalid", null);
		}
		if (images.stream().noneMatch(i -> StandInImage.READY.equals(i.state))) {
			throw new PlatformException(Kind.REJECTED, "NO_IMAGES", "the project has no Ready image", null);
		}
		String taskType = type == null ? "Reconstruction" : type;
		String now = Instant.now().toString();
		RemoteTask t = new RemoteTask(id, taskType, "Done", 1, 1, now, now, List.of(),
				"{\"id\":\"" + id + "\",\"taskType\":\"" + taskType + "\",\"state\":\"Done\"}");
		tasks.computeIfAbsent(pid, p -> new ArrayList<>()).add(t);
		return t;
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
