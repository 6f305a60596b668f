/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.core.project;

import java.nio.file.Files;
import java.nio.file.Path;

import io.tiepoint.core.config.TiepointConfig;

/**
 * A workspace: a folder whose {@code .tiepoint/} holds its journal, its settings and, when the
 * embedded hub is used, the hub's data. Running a command again in the same folder sees the same state.
 */
public final class Workspace implements AutoCloseable {

	/** The journal's database name in the state folder. */
	private static final String JOURNAL = "journal";

	private final Path root;
	private final Journal journal;

	private Workspace(Path root, Journal journal) {
		this.root = root;
		this.journal = journal;
	}

	/**
	 * @param root the workspace folder (created when missing)
	 * @return the open workspace
	 * @throws JournalException when its journal cannot be opened
	 */
	public static Workspace open(Path root) throws JournalException {
		Path abs = root.toAbsolutePath().normalize();
		return new Workspace(abs, Journal.open(journalBase(abs)));
	}

	/** @return the workspace folder */
	public Path root() {
		return root;
	}

	/** @return its {@code .tiepoint} folder */
	public Path stateDir() {
		return root.resolve(TiepointConfig.STATE_DIR);
	}

	/** @return where the embedded hub keeps its data */
	public Path hubDir() {
		return hubDir(root);
	}

	/**
	 * @param root a workspace folder
	 * @return where its embedded hub keeps its data
	 */
	public static Path hubDir(Path root) {
		return root.toAbsolutePath().normalize().resolve(TiepointConfig.STATE_DIR).resolve("hub");
	}

	/**
	 * @param root a workspace folder
	 * @return whether it has a journal already (it has been opened as a workspace)
	 */
	public static boolean exists(Path root) {
		return Files.exists(root.toAbsolutePath().normalize().resolve(TiepointConfig.STATE_DIR).resolve(JOURNAL + ".mv.db"));
	}

	private static Path journalBase(Path abs) {
		return abs.resolve(TiepointConfig.STATE_DIR).resolve(JOURNAL);
	}

	/** @return the journal */
	public Journal journal() {
		return journal;
	}

	@Override
	public void close() {
		journal.close();
	}
}
