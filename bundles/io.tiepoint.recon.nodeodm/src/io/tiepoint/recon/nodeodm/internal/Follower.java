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

import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;

import org.eclipse.core.runtime.OperationCanceledException;

import io.tiepoint.recon.nodeodm.internal.NodeException.Kind;

/**
 * Follows a committed task on its node until it ends: every {@code poll.ms} its {@code /task/{uuid}/info} (status
 * and progress) and the new lines of {@code /task/{uuid}/output?line=N}, which go into the hub task's log as they are.
 * When the hub task is stopped it sends {@code /task/cancel}. A node that answers that the task does not exist lost
 * it ({@code LOST}); one that stays unreachable for {@code node.timeout.s} is treated as having lost it too.
 */
public final class Follower {

	private final NodeSettings settings;
	private final Consumer<String> log;
	private final BooleanSupplier canceled;
	private final DoubleConsumer progress;

	/**
	 * @param settings the engine's settings
	 * @param log      the task's log
	 * @param canceled whether the hub task was stopped
	 * @param progress told the node's progress, 0..100
	 */
	public Follower(NodeSettings settings, Consumer<String> log, BooleanSupplier canceled, DoubleConsumer progress) {
		this.settings = settings;
		this.log = log;
		this.canceled = canceled;
		this.progress = progress;
	}

	/**
	 * @param node the node
	 * @param uuid the committed task
	 * @return the completed task
	 * @throws NodeException {@code LOST} when the node lost the task, {@code REFUSED} when it failed or was canceled
	 *                       there; {@link OperationCanceledException} when the hub task was stopped (after
	 *                       {@code /task/cancel})
	 */
	public NodeTask follow(NodeClient node, String uuid) throws NodeException {
		int line = 0;
		int status = -1;
		long downSince = -1;
		while (true) {
			if (canceled.getAsBoolean()) {
				cancel(node, uuid);
				throw new OperationCanceledException();
			}
			NodeTask task;
			try {
				task = node.task(uuid);
				line += copyOutput(node, uuid, line);
				downSince = -1;
			} catch (NodeException e) {
				if (e.kind() == Kind.LOST || !(e.retryable() || e.kind() == Kind.PROTOCOL)) {
					log.accept("[nodeodm] " + e.getMessage());
					throw e;
				}
				long now = System.nanoTime();
				if (downSince < 0) {
					downSince = now;
					log.accept("[nodeodm] node " + node.base() + " does not answer (" + e.getMessage() + "); waiting up to "
							+ settings.nodeTimeout().toSeconds() + " s");
				} else if (now - downSince > settings.nodeTimeout().toNanos()) {
					throw new NodeException(Kind.LOST, "node " + node.base() + " did not answer for "
							+ settings.nodeTimeout().toSeconds() + " s", e);
				}
				sleep();
				continue;
			}
			if (task.status() != status) {
				status = task.status();
				log.accept("[nodeodm] task " + uuid + " " + task.statusName() + " on " + node.base());
			}
			progress.accept(task.progress());
			if (task.finished()) {
				if (task.status() == NodeTask.COMPLETED) {
					return task;
				}
				throw new NodeException(Kind.REFUSED, "task " + uuid + " " + task.statusName() + " on " + node.base()
						+ (task.errorMessage() == null ? "" : ": " + task.errorMessage()), null);
			}
			sleep();
		}
	}

	private int copyOutput(NodeClient node, String uuid, int from) throws NodeException {
		List<String> lines = node.output(uuid, from);
		lines.forEach(log);
		return lines.size();
	}

	/** Sends {@code /task/cancel}; a failure is logged, the stop goes on. */
	private void cancel(NodeClient node, String uuid) {
		try {
			node.cancel(uuid);
			log.accept("[nodeodm] hub task stopped: canceled task " + uuid + " on " + node.base());
		} catch (NodeException e) {
			log.accept("[nodeodm] hub task stopped; canceling task " + uuid + " failed: " + e.getMessage());
		}
	}

	private void sleep() {
		long end = System.nanoTime() + settings.poll().toNanos();
		while (System.nanoTime() < end && !canceled.getAsBoolean()) {
			try {
				Thread.sleep(Math.min(50, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new OperationCanceledException();
			}
		}
	}
}
