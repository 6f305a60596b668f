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

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import io.tiepoint.hub.internal.images.CloudImages;
import io.tiepoint.hub.internal.store.HubImageState;
import io.tiepoint.hub.internal.store.HubProject;
import io.tiepoint.hub.internal.store.HubTask;
import io.tiepoint.hub.internal.store.ImageQuery;
import io.tiepoint.hub.internal.store.ImageRecord;
import io.tiepoint.hub.internal.store.Pages;
import io.tiepoint.hub.internal.tasks.ProjectErrorCode;
import io.tiepoint.hub.spi.HubCloud;

/**
 * Resolvers of {@code Query} and of the nested fields of its types. What depends on clouds comes from the
 * served ones: {@code supportedCloud}, the buckets, and an image's {@code grounded} and {@code url} by the
 * features of its cloud.
 */
final class QueryWiring {

	private final Services s;

	QueryWiring(Services services) {
		this.s = services;
	}

	void wire(RuntimeWiring.Builder w) {
		w.type("Query", t -> t.dataFetcher("getGeoIPInfo", this::geo).dataFetcher("support", e -> Map.of())
				.dataFetcher("project", this::project).dataFetcher("my", this::my));
		w.type("Support", t -> t.dataFetcher("supportedCloud", e -> s.access().clouds().ids())
				.dataFetcher("endpoints", e -> Map.of("api", s.base().get().resolve("graphql").toString(), "web",
						s.base().get().toString()))
				.dataFetcher("systemMode", e -> "Normal").dataFetcher("errorCodeInfo", this::errorCodes)
				.dataFetcher("engines", e -> s.tasks().engines().stream().map(i -> Map.<String, Object>of("id", i.id(),
						"name", i.name(), "taskTypes", i.taskTypes().stream().sorted().toList(), "default", i.isDefault()))
						.toList()));
		w.type("User", t -> t.dataFetcher("allProjects", this::allProjects));
		w.type("Project", t -> t.dataFetcher("image", this::image).dataFetcher("imageByFilename", this::imageByFilename)
				.dataFetcher("allImages", this::allImages)
				.dataFetcher("task", e -> Views.task(s.tasks().latest(Views.projectId(e.getSource()))))
				.dataFetcher("tasks", e -> s.tasks().all(Views.projectId(e.getSource())).stream().map(Views::task).toList()));
		w.type("ProjectImage", t -> t.dataFetcher("url", this::imageUrl).dataFetcher("grounded", this::grounded));
		w.type("Task", t -> t.dataFetcher("queueing", e -> s.tasks().queueing(Views.record(e.getSource(), HubTask.class)))
				.dataFetcher("log", e -> s.tasks().log(Views.record(e.getSource(), HubTask.class), e.getArgument("from"),
						e.getArgument("max"))));
	}

	private List<Map<String, Object>> bucketList() {
		List<Map<String, Object>> out = new ArrayList<>();
		for (HubCloud c : s.access().clouds().all()) {
			for (String bucket : c.buckets()) {
				Map<String, Object> m = new java.util.HashMap<>();
				m.put("cloud", c.id());
				m.put("bucket", bucket);
				m.put("region", c.region());
				m.put("endpoint", c.endpoint());
				out.add(m);
			}
		}
		return out;
	}

	/** Every bucket the hub takes uploads into, ordered for the caller by the hub's region table. */
	private Map<String, Object> geo(DataFetchingEnvironment e) {
		String address = e.getGraphQlContext().get(Caller.ADDRESS);
		List<Map<String, Object>> b = s.regions().order(bucketList(), m -> (String) m.get("region"), address);
		return Map.of("nearestBuckets", b, "nearestMetaBuckets", b, "nearestModelBuckets", b);
	}

	private List<Map<String, Object>> errorCodes(DataFetchingEnvironment e) {
		Object code = e.getArgument("code");
		List<ProjectErrorCode> codes = code == null ? Arrays.asList(ProjectErrorCode.values())
				: List.of(ProjectErrorCode.valueOf(code.toString()));
		return codes.stream().map(c -> Map.<String, Object>of("code", c.name(), "description", c.description(),
				"solution", c.solution())).toList();
	}

	private Map<String, Object> project(DataFetchingEnvironment e) {
		return Views.project(s.projects().find(Caller.require(e), e.getArgument("id")));
	}

	private Map<String, Object> my(DataFetchingEnvironment e) {
		String user = Caller.require(e);
		return Map.of("id", user, "username", user);
	}

	private static Pages.Request page(DataFetchingEnvironment e) {
		return new Pages.Request(e.getArgument("first"), e.getArgument("last"), e.getArgument("before"),
				e.getArgument("after"));
	}

	private Map<String, Object> allProjects(DataFetchingEnvironment e) {
		Map<String, Object> user = e.getSource();
		return Views.connection(s.projects().page((String) user.get("id"), e.getArgument("search"), page(e)),
				HubProject::id, Views::project);
	}

	private Map<String, Object> image(DataFetchingEnvironment e) {
		return Views.image(s.images().image(Views.projectId(e.getSource()), e.getArgument("id")));
	}

	private Map<String, Object> imageByFilename(DataFetchingEnvironment e) {
		return Views.image(s.images().imageByFilename(Views.projectId(e.getSource()), e.getArgument("filename")));
	}

	private Map<String, Object> allImages(DataFetchingEnvironment e) {
		Object state = e.getArgument("state");
		ImageQuery q = new ImageQuery(Views.projectId(e.getSource()),
				state == null ? null : HubImageState.valueOf(state.toString()));
		return Views.connection(s.images().images(q, page(e)), ImageRecord::id, Views::image);
	}

	/** A Ready image of a cloud that {@link HubCloud.Downloads downloads}: its link. */
	private String imageUrl(DataFetchingEnvironment e) {
		ImageRecord i = Views.record(e.getSource(), ImageRecord.class);
		if (i.state() != HubImageState.Ready) {
			return null;
		}
		return s.access().clouds().get(i.cloud()).flatMap(c -> c.feature(HubCloud.Downloads.class))
				.flatMap(d -> d.downloadUrl(CloudImages.of(i))).orElse(null);
	}

	/** Kept by the hub itself: its cloud is {@link HubCloud.Hosted hosted} and the bytes are stored. */
	private boolean grounded(DataFetchingEnvironment e) {
		ImageRecord i = Views.record(e.getSource(), ImageRecord.class);
		return i.gridFsId() != null && s.access().clouds().has(i.cloud(), HubCloud.Hosted.class);
	}
}
