/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.recon.nodeodm.internal;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

import io.tiepoint.recon.nodeodm.internal.NodeException.Kind;

/**
 * Picks the node for a task from {@code GET /info} of each: in the configured order the first that answers and takes
 * the task's image count ({@code maxImages}), or, choosing by capacity, the one of those with the most free task
 * slots ({@code maxParallelTasks - taskQueueCount}; ClusterODM reports a queue of 0 and its own limits). A node that
 * failed this task already is asked last. Every node passed over is named in the task's log with the reason.
 */
public final class NodeChooser {

	/**
	 * @param client the node's client
	 * @param info   what it said of itself
	 */
	public record Chosen(NodeClient client, NodeInfo info) {
	}

	private final NodeSettings settings;
	private final Function<URI, NodeClient> clients;
	private final Consumer<String> log;

	/**
	 * @param settings the engine's settings
	 * @param clients  a client for a node
	 * @param log      the task's log
	 */
	public NodeChooser(NodeSettings settings, Function<URI, NodeClient> clients, Consumer<String> log) {
		this.settings = settings;
		this.clients = clients;
		this.log = log;
	}

	/**
	 * @param images the task's image count
	 * @param failed nodes that failed this task (asked last)
	 * @return the node
	 * @throws NodeException {@code DOWN} when no node answers and takes the task
	 */
	public Chosen choose(int images, Set<URI> failed) throws NodeException {
		List<URI> order = new ArrayList<>(settings.nodes().stream().filter(u -> !failed.contains(u)).toList());
		settings.nodes().stream().filter(failed::contains).forEach(order::add);
		List<Chosen> usable = new ArrayList<>();
		List<String> reasons = new ArrayList<>();
		for (URI node : order) {
			NodeClient client = clients.apply(node);
			try {
				NodeInfo info = client.info();
				if (!info.takes(images)) {
					note(reasons, node + " takes at most " + info.maxImages() + " images, the task has " + images);
					continue;
				}
				log.accept("[nodeodm] node " + node + ": API " + info.version() + ", engine " + info.engine() + " "
						+ info.engineVersion() + ", " + info.taskQueueCount() + " task(s) queued, "
						+ (info.maxParallelTasks() == null ? "?" : info.maxParallelTasks()) + " at once");
				usable.add(new Chosen(client, info));
				if (!settings.byCapacity()) {
					break;
				}
			} catch (NodeException e) {
				note(reasons, (e.kind() == Kind.UNAUTHORIZED ? "" : "node " + node + " is down: ") + e.getMessage());
			}
		}
		if (usable.isEmpty()) {
			throw new NodeException(Kind.DOWN, "no NodeODM node can take the task: " + String.join("; ", reasons), null);
		}
		Chosen best = settings.byCapacity()
				? usable.stream().max(Comparator.comparingInt((Chosen c) -> c.info().freeSlots())
						.thenComparing(c -> -usable.indexOf(c))).orElseThrow()
				: usable.get(0);
		if (settings.byCapacity()) {
			log.accept("[nodeodm] chose " + best.client().base() + " (" + best.info().freeSlots() + " free slot(s))");
		}
		return best;
	}

	private void note(List<String> reasons, String reason) {
		reasons.add(reason);
		log.accept("[nodeodm] " + reason + "; trying the next node");
	}
}
