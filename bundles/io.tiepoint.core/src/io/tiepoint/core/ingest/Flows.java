/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.core.ingest;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import io.tiepoint.core.project.JournalException;
import io.tiepoint.core.project.Project;
import io.tiepoint.core.storage.PlatformBinding;
import io.tiepoint.core.storage.StorageException;
import io.tiepoint.core.storage.StorageProviderDescriptor;
import io.tiepoint.core.storage.StorageProviders;
import io.tiepoint.core.storage.StorageSession;
import io.tiepoint.core.storage.StorageTarget;
import io.tiepoint.platform.PlatformApi;
import io.tiepoint.platform.PlatformException;

/**
 * Opens the flow a project's images take: its direct destination through the provider that accepts the
 * URI's scheme, or its hub through the provider that serves the project's platform cloud. Which provider
 * comes from the providers' declarations alone: no cloud or scheme is known here.
 */
final class Flows {

	private Flows() {
	}

	static Flow open(IngestRun run, Project p, StorageProviders providers) throws IOException {
		return p.direct() ? direct(run, p, providers) : platform(run, p, providers);
	}

	private static Flow direct(IngestRun run, Project p, StorageProviders providers) throws IOException {
		URI uri = URI.create(p.destination());
		StorageProviderDescriptor d = providers.forDestination(uri).orElseThrow(() -> new IOException("no installed storage"
				+ " provider takes " + uri.getScheme() + "://... destinations (installed: " + schemes(providers) + ")"));
		try {
			StorageTarget target = providers.provider(d.id()).destination(uri, run.options.settings());
			return new DirectFlow(run, providers.provider(d.id()).open(target), p.destination());
		} catch (StorageException e) {
			throw new IOException(d.name() + " (" + p.destination() + "): " + e.getMessage(), e);
		}
	}

	private static Flow platform(IngestRun run, Project p, StorageProviders providers) throws IOException {
		IngestOptions o = run.options;
		String hub = o.hub() != null ? o.hub() : p.hub();
		if (o.connector() == null) {
			throw new IOException("no way to reach hub '" + hub + "' (no connector)");
		}
		HubEndpoint endpoint = o.connector().connect(hub);
		PlatformApi api = o.platforms().open(endpoint, o.stallTimeout());
		List<PlatformFlow> opened = new ArrayList<>();
		try {
			String spec = o.cloud() != null ? o.cloud() : p.cloud() != null ? p.cloud() : firstServed(run, api, providers);
			if (p.cloud() == null) {
				run.journal.updateProject(p.name(), hub, spec); // the project remembers the cloud(s) it started on
			}
			boolean auto = AUTO.equals(spec);
			List<String> clouds = auto ? served(run, api, providers) : List.of(spec.split(","));
			String pid = remoteProject(run, p, api, endpoint);
			Map<String, Long> claimed = new ConcurrentHashMap<>();
			for (String c : clouds) {
				String cloud = c.strip();
				try {
					opened.add(lane(run, api, endpoint, providers, cloud, pid, claimed, clouds.size() == 1));
				} catch (IOException e) {
					if (clouds.size() == 1) {
						throw e;
					}
					run.notes.add("cloud " + cloud + " left out: " + e.getMessage());
				}
			}
			if (opened.isEmpty()) {
				throw new IOException("hub " + endpoint.uri() + ": none of the clouds " + clouds + " can be used");
			}
			if (opened.size() == 1) {
				return opened.get(0);
			}
			return new CloudLanes(run, opened, auto, intSetting(o, "ingest.failover.after", 3),
					intSetting(o, "ingest.failover.reprobe", 60));
		} catch (IOException | RuntimeException e) {
			opened.forEach(PlatformFlow::close);
			api.close();
			throw e;
		}
	}

	/** The value {@code --cloud auto}: every cloud the hub offers that a provider serves, fastest first. */
	static final String AUTO = "auto";

	/** Opens the flow of one cloud: its provider's session and the hub's bucket for it. */
	private static PlatformFlow lane(IngestRun run, PlatformApi api, HubEndpoint endpoint, StorageProviders providers,
			String cloud, String pid, Map<String, Long> claimed, boolean only) throws IOException {
		IngestOptions o = run.options;
		StorageProviderDescriptor d = providers.forCloud(cloud).orElseThrow(() -> new IOException("no installed"
				+ " storage provider serves the platform cloud '" + cloud + "' (installed: " + clouds(providers) + ")"));
		PlatformBinding binding = d.platformBinding().orElseThrow();
		StorageSession session = null;
		try {
			session = providers.provider(d.id()).open(platformTarget(endpoint, o, d));
			String bucket = only ? o.bucket() : null;
			if (bucket == null && binding.buckets()) {
				bucket = Backoff.retrying(() -> api.nearestBucket(cloud), run::canceled).orElseThrow(() -> new IOException(
						"hub " + endpoint.uri() + " offers no " + cloud + " bucket (it supports: " + supported(api) + ")"));
			}
			return new PlatformFlow(run, api, session, binding, pid, bucket, claimed);
		} catch (StorageException e) {
			closeQuietly(session);
			throw new IOException(d.name() + ": " + e.getMessage(), e);
		} catch (PlatformException e) {
			closeQuietly(session);
			throw new IOException("hub " + endpoint.uri() + ": " + e.getMessage(), e);
		} catch (IOException | RuntimeException e) {
			closeQuietly(session);
			throw e;
		}
	}

	private static void closeQuietly(StorageSession session) {
		if (session != null) {
			session.close();
		}
	}

	private static int intSetting(IngestOptions o, String key, int fallback) {
		try {
			return o.settings().get(key).map(String::strip).map(Integer::parseInt).orElse(fallback);
		} catch (NumberFormatException e) {
			return fallback;
		}
	}

	/** @return the clouds the hub offers that an installed provider serves, in the hub's order */
	private static List<String> served(IngestRun run, PlatformApi api, StorageProviders providers) throws IOException {
		try {
			List<String> offered = Backoff.retrying(() -> api.supportedClouds("Image"), run::canceled);
			List<String> served = offered.stream().filter(c -> providers.forCloud(c).isPresent()).toList();
			if (served.isEmpty()) {
				throw new IOException("the hub offers the clouds " + offered + ", none of which an installed storage"
						+ " provider serves (installed: " + clouds(providers) + ")");
			}
			return served;
		} catch (PlatformException e) {
			throw new IOException("the hub: " + e.getMessage(), e);
		}
	}

	/** @return the first cloud the hub offers that an installed provider serves */
	private static String firstServed(IngestRun run, PlatformApi api, StorageProviders providers) throws IOException {
		return served(run, api, providers).get(0);
	}

	/**
	 * The platform flow's target: the hub, the user's credentials (for a resource service of the hub), and the
	 * provider's declared settings that are not secrets (e.g. a signature version), by their keys.
	 */
	private static StorageTarget platformTarget(HubEndpoint endpoint, IngestOptions o, StorageProviderDescriptor d) {
		Map<String, String> secrets = new HashMap<>();
		secrets.put("appId", endpoint.key());
		if (endpoint.token() != null) {
			secrets.put("license", endpoint.token());
		}
		Map<String, String> options = new HashMap<>();
		d.settings().stream().filter(s -> !s.secret())
				.forEach(s -> o.settings().get(s.key()).ifPresent(v -> options.put(s.key(), v)));
		options.put("packageName", "tiepoint");
		options.put("stall.timeout", String.valueOf(o.stallTimeout().toSeconds()));
		return new StorageTarget(endpoint.uri(), null, "", options, secrets);
	}

	/**
	 * The project on the platform: the one the journal knows, else the caller's project of that name, else a
	 * new one. A creation whose answer was lost is found by name on the next attempt, not created twice.
	 */
	private static String remoteProject(IngestRun run, Project p, PlatformApi api, HubEndpoint endpoint)
			throws IOException {
		try {
			return remoteProject(run, p, api);
		} catch (PlatformException e) {
			throw new IOException("hub " + endpoint.uri() + ": " + e.getMessage(), e);
		}
	}

	private static String remoteProject(IngestRun run, Project p, PlatformApi api) throws PlatformException, JournalException {
		if (p.remoteId() != null && Backoff.retrying(() -> api.projectName(p.remoteId()), run::canceled).isPresent()) {
			return p.remoteId();
		}
		for (int attempt = 1;; attempt++) {
			Optional<String> found = Backoff.retrying(() -> api.findProject(p.name()), run::canceled);
			String pid;
			if (found.isPresent()) {
				pid = found.get();
			} else {
				try {
					pid = api.createProject(p.name());
				} catch (PlatformException e) {
					if (!e.retryable() || attempt >= Backoff.CALL_ATTEMPTS || run.canceled()) {
						throw e;
					}
					Backoff.sleep(Backoff.delay(attempt), run::canceled);
					continue;
				}
			}
			run.journal.setProjectRemoteId(p.name(), pid);
			return pid;
		}
	}

	private static String supported(PlatformApi api) {
		try {
			return String.join(", ", api.supportedClouds("Image"));
		} catch (PlatformException e) {
			return "unknown";
		}
	}

	private static String schemes(StorageProviders providers) {
		return providers.descriptors().stream().flatMap(d -> d.schemes().stream()).map(s -> s + "://")
				.collect(Collectors.joining(", "));
	}

	private static String clouds(StorageProviders providers) {
		return providers.descriptors().stream().flatMap(d -> d.platformBinding().stream()).map(PlatformBinding::cloud)
				.collect(Collectors.joining(", "));
	}

	private static void close(StorageSession session, PlatformApi api) {
		if (session != null) {
			session.close();
		}
		api.close();
	}
}
