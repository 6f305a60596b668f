/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.recon.nodeodm;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.Status;

import io.tiepoint.hub.ReconstructionEngine;
import io.tiepoint.hub.TaskContext;
import io.tiepoint.recon.nodeodm.internal.NodeRun;
import io.tiepoint.recon.nodeodm.internal.NodeSettings;
import io.tiepoint.recon.nodeodm.internal.OdmOptions;

/**
 * Runs hub tasks on OpenDroneMap processing nodes through the NodeODM API: one NodeODM node, several tried in order or
 * by free capacity, or a ClusterODM (a load balancer speaking the same API over many nodes). Contributed to
 * {@code io.tiepoint.hub.reconstructionEngines} by this bundle's {@code plugin.xml}; configured by the hub's
 * {@code engine.nodeodm.*} settings ({@link NodeSettings}: {@code url}, {@code token}...), e.g.
 * {@code tiepoint hub --engine nodeodm --nodeodm-url URL} with {@code TIEPOINT_NODEODM_TOKEN} in the environment.
 * Task types map to ODM options ({@link OdmOptions}); the results are {@code all.zip} and the orthophoto, DEMs, point
 * cloud, model and report in it, published into the hub's storage like COLMAP's files.
 */
public final class NodeOdmEngine implements ReconstructionEngine {

	/** The engine id. */
	public static final String ID = "nodeodm";
	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
			.followRedirects(HttpClient.Redirect.NORMAL).build();

	@Override
	public String id() {
		return ID;
	}

	@Override
	public Set<String> taskTypes() {
		return OdmOptions.TYPES;
	}

	@Override
	public void check(Map<String, String> settings) throws CoreException {
		settings(settings);
	}

	@Override
	public void reconstruct(TaskContext context) throws CoreException {
		NodeSettings settings = settings(context.settings());
		OdmOptions options;
		try {
			options = OdmOptions.of(context.taskType(), settings);
		} catch (IllegalArgumentException e) {
			throw new CoreException(Status.error(e.getMessage(), e));
		}
		context.monitor().subTask("NodeODM " + settings.nodes());
		new NodeRun(settings, context, http).run(options);
	}

	private static NodeSettings settings(Map<String, String> settings) throws CoreException {
		try {
			return NodeSettings.parse(settings);
		} catch (IllegalArgumentException e) {
			throw new CoreException(Status.error(e.getMessage(), e));
		}
	}
}
