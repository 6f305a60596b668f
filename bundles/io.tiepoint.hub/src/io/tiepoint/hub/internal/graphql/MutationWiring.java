/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.hub.internal.graphql;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.TypeRuntimeWiring;
import io.tiepoint.hub.internal.HubException;
import io.tiepoint.hub.internal.store.ImageRecord;
import io.tiepoint.hub.internal.tasks.TaskService;
import io.tiepoint.hub.spi.HubCloud;

/**
 * Resolvers of {@code Mutation}. Each upload mutation is served by the cloud that names it
 * ({@link HubCloud#mutation()}); one no cloud serves answers {@code CLOUD_NOT_SUPPORTED}.
 */
final class MutationWiring {

	private static final int MAX_PROJECT_NAME = 200;
	private final Services s;

	MutationWiring(Services services) {
		this.s = services;
	}

	/** @param w the wiring @param uploadMutations the schema's {@code uploadImage*} mutations */
	void wire(RuntimeWiring.Builder w, List<String> uploadMutations) {
		w.type("Mutation", t -> uploads(t, uploadMutations).dataFetcher("createProject", this::createProject)
				.dataFetcher("removeProject", e -> s.removal().removeProject(Caller.require(e), e.getArgument("id")))
				.dataFetcher("removeImages",
						e -> s.removal().removeImages(Caller.require(e), e.getArgument("pid"), e.getArgument("ids")))
				.dataFetcher("hasImage",
						e -> Views.image(s.images().hasImage(Caller.require(e), e.getArgument("pid"), e.getArgument("checksum"))))
				.dataFetcher("startImageUpload", e -> Views.image(s.images().start(Caller.require(e), e.getArgument("id"))))
				.dataFetcher("doneImageUpload", e -> Views.image(s.images().done(Caller.require(e), e.getArgument("id"))))
				.dataFetcher("startReconstructionWithError",
						e -> result(s.tasks().start(Caller.require(e), e.getArgument("id"), option(e, "taskType"),
								option(e, "engine"))))
				.dataFetcher("preStartReconstruction", this::preStart)
				.dataFetcher("stopReconstruction",
						e -> Views.task(s.tasks().stop(Caller.require(e), e.getArgument("id")))));
	}

	private Map<String, Object> createProject(DataFetchingEnvironment e) {
		String user = Caller.require(e);
		String name = e.getArgument("name");
		if (name == null || name.isBlank() || name.length() > MAX_PROJECT_NAME) {
			throw new HubException("INVALID_NAME", "project name must have 1.." + MAX_PROJECT_NAME + " characters");
		}
		Boolean imported = e.getArgument("imported");
		Object type = e.getArgument("type");
		Object model = e.getArgument("modelType");
		Object visibility = e.getArgument("visibility");
		return Views.project(s.projects().create(user, name.strip(), type == null ? "free" : type.toString(),
				Boolean.TRUE.equals(imported), model == null ? null : model.toString(),
				visibility == null ? "private" : visibility.toString()));
	}

	private TypeRuntimeWiring.Builder uploads(TypeRuntimeWiring.Builder t, List<String> uploadMutations) {
		for (String mutation : uploadMutations) {
			HubCloud cloud = s.access().clouds().serving(mutation).orElse(null);
			t.dataFetcher(mutation, cloud != null ? e -> upload(e, cloud) : e -> notServed(e, mutation));
		}
		return t;
	}

	private Map<String, Object> upload(DataFetchingEnvironment e, HubCloud cloud) {
		String user = Caller.require(e);
		Object bucket = e.getArgument("bucket");
		Object type = e.getArgument("type");
		var shared = cloud.feature(HubCloud.ProjectTargets.class);
		boolean image = e.getSelectionSet().contains("image");
		if (shared.isPresent() && !image && e.getArgument("checksum") == null) {
			// the official clients' refresh (a random name, no checksum, only the payload): no image is registered
			return new HashMap<>(s.images().grant(user, e.getArgument("pid"), cloud, bucket == null ? null
					: bucket.toString(), shared.get()).fields());
		}
		ImageRecord registered = s.images().register(user, e.getArgument("pid"), cloud, bucket == null ? null
				: bucket.toString(), e.getArgument("filename"), type == null ? null : type.toString(), e.getArgument("checksum"));
		boolean payload = e.getSelectionSet().getImmediateFields().stream()
				.anyMatch(f -> !f.getName().equals("image") && !f.getName().startsWith("__"));
		// a project's payload (an STS) is made only when asked for: clients holding one ask only for the image
		Map<String, Object> out = new HashMap<>(shared.isPresent() && !payload ? Map.of()
				: s.images().target(cloud, registered).fields());
		out.put("image", Views.image(registered));
		return out;
	}

	/**
	 * Refuses a mutation no cloud serves, naming its cloud as clients would ({@code uploadImageOSS}: {@code oss});
	 * when a contribution of that id declined, the cloud is installed but not configured here.
	 */
	private Object notServed(DataFetchingEnvironment e, String mutation) {
		Caller.require(e);
		String cloud = mutation.substring("uploadImage".length()).toLowerCase(Locale.ROOT);
		throw new HubException("CLOUD_NOT_SUPPORTED", s.access().clouds().declined(cloud)
				? "cloud " + cloud + " is not configured on this hub"
				: "cloud " + cloud + " is not served by this hub; see support.supportedCloud");
	}

	private static String option(DataFetchingEnvironment e, String name) {
		Map<String, Object> options = e.getArgument("options");
		Object value = options == null ? null : options.get(name);
		return value == null ? null : value.toString();
	}

	private static Map<String, Object> result(TaskService.Outcome o) {
		Map<String, Object> out = new HashMap<>();
		out.put("error", o.error() == null ? null : Map.of("code", o.error().name(), "message", o.message()));
		out.put("task", Views.task(o.task()));
		return out;
	}

	private Map<String, Object> preStart(DataFetchingEnvironment e) {
		String user = Caller.require(e);
		String pid = e.getArgument("id");
		Map<String, Object> out = result(s.tasks().preStart(user, pid, option(e, "taskType"), option(e, "engine")));
		out.put("project", Views.project(s.projects().find(user, pid)));
		return out;
	}
}
