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

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;

import io.tiepoint.hub.TaskContext;
import io.tiepoint.hub.TaskImage;
import io.tiepoint.recon.nodeodm.internal.NodeException.Kind;

/**
 * One hub task on NodeODM nodes: choose a node ({@link NodeChooser}), check the task's options against the node's
 * {@code /options} before anything is uploaded, submit ({@link Submission}), follow ({@link Follower}), download
 * {@code all.zip} and publish its assets ({@link Assets}), then {@code /task/remove}. A task the node lost (it forgot
 * it on a restart, went down, or an upload failed for good) is submitted again, to the first node that answers (the
 * one that lost it last), up to {@code resubmits} times. Progress: uploads 0-10, the node's 10-95, the assets 95-100.
 */
public final class NodeRun {

	private final NodeSettings settings;
	private final TaskContext context;
	private final HttpClient http;
	private final Set<URI> failed = new LinkedHashSet<>();

	/**
	 * @param settings the engine's settings
	 * @param context  the hub task
	 * @param http     the HTTP client
	 */
	public NodeRun(NodeSettings settings, TaskContext context, HttpClient http) {
		this.settings = settings;
		this.context = context;
		this.http = http;
	}

	/**
	 * @param options the task's ODM options
	 * @throws CoreException when the task cannot be done; the message says why
	 */
	public void run(OdmOptions options) throws CoreException {
		List<TaskImage> images = context.images();
		if (images.isEmpty()) {
			throw error("the task has no image", null);
		}
		context.progress(0, 100);
		context.result("images", images.size());
		NodeChooser chooser = new NodeChooser(settings, this::client, context::log);
		for (int resubmits = 0;; resubmits++) {
			checkCanceled();
			NodeChooser.Chosen chosen;
			String json;
			try {
				chosen = chooser.choose(images.size(), failed);
				json = options.check(chosen.client().options(), chosen.client().base().toString());
			} catch (NodeException e) {
				throw error(e.getMessage(), e);
			} catch (IllegalArgumentException e) {
				context.log("[nodeodm] " + e.getMessage() + "; nothing was uploaded");
				throw error(e.getMessage() + "; nothing was uploaded", e);
			}
			NodeClient node = chosen.client();
			try {
				complete(node, json, images, resubmits);
				return;
			} catch (NodeException e) {
				boolean again = e.kind() == Kind.LOST || e.kind() == Kind.DOWN || e.kind() == Kind.TRANSIENT;
				if (!again || resubmits >= settings.resubmits()) {
					context.log("[nodeodm] giving up: " + e.getMessage());
					throw error(e.getMessage() + (again ? " (after " + resubmits + " resubmission(s))" : ""), e);
				}
				failed.add(node.base());
				context.log("[nodeodm] node " + node.base() + " lost the task (" + e.getMessage() + "); submitting it again ("
						+ (resubmits + 1) + " of at most " + settings.resubmits() + ")");
			}
		}
	}

	private void complete(NodeClient node, String options, List<TaskImage> images, int resubmits) throws NodeException,
			CoreException {
		String name = "tiepoint task " + context.taskId() + " of project " + context.projectId();
		String uuid = new Submission(settings, context::log, this::canceled).submit(node, name, options, images,
				k -> context.progress(10 * k / images.size(), 100));
		NodeTask task = new Follower(settings, context::log, this::canceled,
				p -> context.progress(10 + (int) Math.min(85, p * 0.85), 100)).follow(node, uuid);
		Path zip = context.workDir().resolve("all.zip");
		download(node, uuid, zip);
		try {
			List<String> names = Assets.publish(zip, context);
			context.log("[nodeodm] published " + names);
		} catch (IOException e) {
			throw error("cannot publish the assets of task " + uuid + ": " + e.getMessage(), e);
		}
		context.result("node", node.base().toString());
		context.result("nodeTask", uuid);
		context.result("resubmissions", resubmits);
		context.result("processingTime", task.processingTime());
		try {
			node.remove(uuid);
			context.log("[nodeodm] task " + uuid + " removed from " + node.base());
		} catch (NodeException e) {
			context.log("[nodeodm] could not remove task " + uuid + " from " + node.base() + ": " + e.getMessage());
		}
		context.progress(100, 100);
	}

	private void download(NodeClient node, String uuid, Path zip) throws NodeException {
		for (int attempt = 0;; attempt++) {
			try {
				node.download(uuid, zip);
				context.log("[nodeodm] downloaded all.zip of task " + uuid);
				context.progress(95, 100);
				return;
			} catch (NodeException e) {
				if (!e.retryable() || attempt >= settings.uploadRetries()) {
					throw e;
				}
				context.log("[nodeodm] download of all.zip failed (" + e.getMessage() + "); retry " + (attempt + 1));
				pause(settings.retryWait().multipliedBy(attempt + 1));
			}
		}
	}

	private NodeClient client(URI node) {
		return new NodeClient(node, settings.token(), http, Duration.ofSeconds(60), this::canceled);
	}

	private boolean canceled() {
		return context.monitor().isCanceled();
	}

	private void checkCanceled() {
		if (canceled()) {
			throw new OperationCanceledException();
		}
	}

	private void pause(Duration d) {
		long end = System.nanoTime() + d.toNanos();
		while (System.nanoTime() < end) {
			checkCanceled();
			try {
				Thread.sleep(50);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new OperationCanceledException();
			}
		}
	}

	static CoreException error(String message, Throwable cause) {
		return new CoreException(Status.error("NodeODM: " + message, cause));
	}
}
