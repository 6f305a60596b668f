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
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The durable journal of a workspace: projects and the state of every image, in an embedded H2
 * database ({@code .tiepoint/journal.mv.db}). Every {@link #update(long, Update)} is one committed
 * transaction, written to the file before the call returns, so that a killed process resumes from
 * what the journal says and the journal never claims what did not happen. One process at a time
 * opens a workspace's journal.
 */
public final class Journal implements AutoCloseable {

	private final Path file;
	private final Connection db;
	private final List<JournalListener> listeners = new CopyOnWriteArrayList<>();

	private Journal(Path file, Connection db) {
		this.file = file;
		this.db = db;
	}

	/**
	 * Opens (or creates) a journal.
	 *
	 * @param base the database file without its {@code .mv.db} suffix, e.g. {@code .tiepoint/journal}
	 * @return the open journal
	 * @throws JournalException when it cannot be opened, e.g. another process has it open
	 */
	public static Journal open(Path base) throws JournalException {
		Path abs = base.toAbsolutePath();
		try {
			Files.createDirectories(abs.getParent());
			Properties p = new Properties();
			p.setProperty("user", "tiepoint");
			p.setProperty("password", "");
			// WRITE_DELAY=0: a commit is written to the file before it returns (survives kill -9)
			Connection c = new org.h2.Driver().connect("jdbc:h2:file:" + abs + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE", p);
			if (c == null) {
				throw new JournalException("cannot open the journal " + abs + ".mv.db");
			}
			Journal j = new Journal(abs, c);
			JournalRows.createSchema(c);
			return j;
		} catch (SQLException e) {
			String why = e.getErrorCode() == 90020 // DATABASE_ALREADY_OPEN_1
					? "another Tiepoint process is using this workspace"
					: e.getMessage();
			throw new JournalException("cannot open the journal " + abs + ".mv.db: " + why, e);
		} catch (java.io.IOException e) {
			throw new JournalException("cannot create the folder of the journal " + abs + ": " + e.getMessage(), e);
		}
	}

	/** @return the database file */
	public Path file() {
		return file.resolveSibling(file.getFileName() + ".mv.db");
	}

	/** @param l told after every committed change */
	public void addListener(JournalListener l) {
		listeners.add(l);
	}

	/** @param l no longer told */
	public void removeListener(JournalListener l) {
		listeners.remove(l);
	}

	private void fire(String project, long[] ids) {
		for (JournalListener l : listeners) {
			try {
				l.changed(project, ids);
			} catch (RuntimeException e) {
				// a listener's failure must not undo or hide a committed change
			}
		}
	}

	// ------------------------------------------------------------------ projects

	/**
	 * @param name  unique name
	 * @param hub   {@code embedded} or a URL
	 * @param cloud a storage provider id
	 * @return the new project
	 * @throws JournalException when the name is taken or the journal fails
	 */
	public Project createProject(String name, String hub, String cloud) throws JournalException {
		return createProject(name, hub, cloud, null);
	}

	/**
	 * @param name        unique name
	 * @param hub         {@code embedded} or a URL; null in the direct flow
	 * @param cloud       the platform cloud; null in the direct flow
	 * @param destination the direct flow's destination URI (no secret in it), or null
	 * @return the new project
	 * @throws JournalException when the name is taken or the journal fails
	 */
	public synchronized Project createProject(String name, String hub, String cloud, String destination)
			throws JournalException {
		if (name == null || name.isBlank()) {
			throw new JournalException("a project needs a name");
		}
		if (project(name).isPresent()) {
			throw new JournalException("project '" + name + "' already exists in " + file());
		}
		long now = System.currentTimeMillis();
		try (PreparedStatement ps = db.prepareStatement(
				"INSERT INTO project (name, hub, cloud, created, destination) VALUES (?,?,?,?,?)")) {
			ps.setString(1, name);
			ps.setString(2, hub);
			ps.setString(3, cloud);
			ps.setLong(4, now);
			ps.setString(5, destination);
			ps.executeUpdate();
		} catch (SQLException e) {
			throw fail("create project " + name, e);
		}
		fire(name, new long[0]);
		return new Project(name, hub, cloud, null, now, destination);
	}

	/**
	 * Changes where a project goes. The platform project id is cleared when the hub changes.
	 *
	 * @param name  the project
	 * @param hub   the hub
	 * @param cloud the storage provider id
	 * @throws JournalException when the journal fails
	 */
	public synchronized void updateProject(String name, String hub, String cloud) throws JournalException {
		Project p = project(name).orElseThrow(() -> new JournalException("no project '" + name + "'"));
		boolean newHub = !java.util.Objects.equals(p.hub(), hub);
		try (PreparedStatement ps = db.prepareStatement(
				"UPDATE project SET hub = ?, cloud = ?" + (newHub ? ", remote_id = NULL" : "") + " WHERE name = ?")) {
			ps.setString(1, hub);
			ps.setString(2, cloud);
			ps.setString(3, name);
			ps.executeUpdate();
		} catch (SQLException e) {
			throw fail("update project " + name, e);
		}
	}

	/**
	 * @param name     the project
	 * @param remoteId the platform's project id
	 * @throws JournalException when the journal fails
	 */
	public synchronized void setProjectRemoteId(String name, String remoteId) throws JournalException {
		try (PreparedStatement ps = db.prepareStatement("UPDATE project SET remote_id = ? WHERE name = ?")) {
			ps.setString(1, remoteId);
			ps.setString(2, name);
			ps.executeUpdate();
		} catch (SQLException e) {
			throw fail("update project " + name, e);
		}
	}

	/**
	 * @param name a project name
	 * @return the project
	 * @throws JournalException when the journal fails
	 */
	public synchronized Optional<Project> project(String name) throws JournalException {
		try (PreparedStatement ps = db.prepareStatement("SELECT " + JournalRows.PROJECT_COLUMNS + " FROM project WHERE name = ?")) {
			ps.setString(1, name);
			try (ResultSet rs = ps.executeQuery()) {
				return rs.next() ? Optional.of(JournalRows.project(rs)) : Optional.empty();
			}
		} catch (SQLException e) {
			throw fail("read project " + name, e);
		}
	}

	/**
	 * @return every project, by name
	 * @throws JournalException when the journal fails
	 */
	public synchronized List<Project> projects() throws JournalException {
		List<Project> out = new ArrayList<>();
		try (Statement s = db.createStatement();
				ResultSet rs = s.executeQuery("SELECT " + JournalRows.PROJECT_COLUMNS
						+ " FROM project ORDER BY name")) {
			while (rs.next()) {
				out.add(JournalRows.project(rs));
			}
		} catch (SQLException e) {
			throw fail("read projects", e);
		}
		return out;
	}

	// ------------------------------------------------------------------ images

	/**
	 * Records files of a project, in one transaction: new files as {@code Discovered}; a file whose size
	 * or modification time changed since it was recorded goes back to {@code Discovered} unless it has
	 * already reached the platform (then it is left alone and reported in its error).
	 *
	 * @param project the project
	 * @param files   absolute paths of existing files
	 * @return how many images were added or reset
	 * @throws JournalException when the journal fails
	 */
	public synchronized int discover(String project, List<Path> files) throws JournalException {
		Map<String, long[]> known = new HashMap<>();
		try (PreparedStatement ps = db.prepareStatement("SELECT path, size, mtime FROM image WHERE project = ?")) {
			ps.setString(1, project);
			try (ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					known.put(rs.getString(1), new long[] { rs.getLong(2), rs.getLong(3) });
				}
			}
		} catch (SQLException e) {
			throw fail("read images of " + project, e);
		}
		int changed = 0;
		long now = System.currentTimeMillis();
		try {
			db.setAutoCommit(false);
			try (PreparedStatement ins = db.prepareStatement(
					"INSERT INTO image (project, path, name, size, mtime, state, updated) VALUES (?,?,?,?,?,?,?)");
					PreparedStatement reset = db.prepareStatement("UPDATE image SET size = ?, mtime = ?, state = ?, sha1 = NULL,"
							+ " md5 = NULL, findings = '', offset_bytes = 0, resume_token = NULL, error = NULL, updated = ?"
							+ " WHERE project = ? AND path = ? AND state IN ('DISCOVERED','INSPECTED','REJECTED','FAILED')")) {
				for (Path f : files) {
					String path = f.toAbsolutePath().normalize().toString();
					long size;
					long mtime;
					try {
						BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
						size = a.size();
						mtime = a.lastModifiedTime().toMillis();
					} catch (java.io.IOException e) {
						size = -1;
						mtime = -1;
					}
					long[] k = known.get(path);
					if (k == null) {
						ins.setString(1, project);
						ins.setString(2, path);
						Path fn = f.getFileName();
						ins.setString(3, fn == null ? path : fn.toString());
						ins.setLong(4, size);
						ins.setLong(5, mtime);
						ins.setString(6, ImageState.DISCOVERED.name());
						ins.setLong(7, now);
						ins.addBatch();
						changed++;
					} else if (k[0] != size || k[1] != mtime) {
						reset.setLong(1, size);
						reset.setLong(2, mtime);
						reset.setString(3, ImageState.DISCOVERED.name());
						reset.setLong(4, now);
						reset.setString(5, project);
						reset.setString(6, path);
						changed += reset.executeUpdate();
					}
				}
				ins.executeBatch();
			}
			db.commit();
		} catch (SQLException e) {
			rollback();
			throw fail("record images of " + project, e);
		} finally {
			autoCommit();
		}
		if (changed > 0) {
			fire(project, new long[0]);
		}
		return changed;
	}

	/**
	 * Commits changes to one image (and an event row naming the new state).
	 *
	 * @param id     the image
	 * @param update what changes
	 * @throws JournalException when the journal fails: the change did not happen
	 */
	public void update(long id, Update update) throws JournalException {
		String project = updateAll(Map.of(id, update));
		if (project != null) {
			fire(project, new long[] { id });
		}
	}

	/**
	 * Commits changes to several images in one transaction.
	 *
	 * @param updates changes by image id
	 * @throws JournalException when the journal fails: none of the changes happened
	 */
	public void updateBatch(Map<Long, Update> updates) throws JournalException {
		if (updates.isEmpty()) {
			return;
		}
		String project = updateAll(updates);
		if (project != null) {
			fire(project, updates.size() > 200 ? new long[0]
					: updates.keySet().stream().mapToLong(Long::longValue).toArray());
		}
	}

	private synchronized String updateAll(Map<Long, Update> updates) throws JournalException {
		String project = null;
		long now = System.currentTimeMillis();
		try {
			db.setAutoCommit(false);
			for (Map.Entry<Long, Update> u : updates.entrySet()) {
				Map<String, Object> cols = u.getValue().columns();
				ImageState next = u.getValue().state();
				if (next != null) {
					ImageState now0 = stateOf(u.getKey());
					if (!now0.canMoveTo(next)) {
						throw new JournalException("image " + u.getKey() + ": " + now0.label() + " -> " + next.label()
								+ " is not a change the journal allows");
					}
				}
				StringBuilder sql = new StringBuilder("UPDATE image SET updated = ?");
				cols.keySet().forEach(c -> sql.append(", ").append(c).append(" = ?"));
				sql.append(" WHERE id = ?");
				try (PreparedStatement ps = db.prepareStatement(sql.toString())) {
					int i = 1;
					ps.setLong(i++, now);
					for (Object v : cols.values()) {
						if (v == null) {
							ps.setNull(i++, Types.NULL);
						} else {
							ps.setObject(i++, v);
						}
					}
					ps.setLong(i, u.getKey());
					if (ps.executeUpdate() != 1) {
						throw new JournalException("no image " + u.getKey() + " in the journal " + file());
					}
				}
				Object state = cols.get("state");
				if (state != null || cols.containsKey("error")) {
					try (PreparedStatement ev = db.prepareStatement("INSERT INTO event (image_id, at, state, detail) VALUES (?,?,?,?)")) {
						ev.setLong(1, u.getKey());
						ev.setLong(2, now);
						ev.setString(3, state == null ? null : state.toString());
						Object err = cols.get("error");
						ev.setString(4, err == null ? null : err.toString());
						ev.executeUpdate();
					}
				}
				if (project == null) {
					try (PreparedStatement ps = db.prepareStatement("SELECT project FROM image WHERE id = ?")) {
						ps.setLong(1, u.getKey());
						try (ResultSet rs = ps.executeQuery()) {
							project = rs.next() ? rs.getString(1) : null;
						}
					}
				}
			}
			db.commit();
			return project;
		} catch (SQLException e) {
			rollback();
			throw fail("update images", e);
		} catch (JournalException e) {
			rollback();
			throw e;
		} finally {
			autoCommit();
		}
	}

	private ImageState stateOf(long id) throws SQLException, JournalException {
		try (PreparedStatement ps = db.prepareStatement("SELECT state FROM image WHERE id = ?")) {
			ps.setLong(1, id);
			try (ResultSet rs = ps.executeQuery()) {
				if (!rs.next()) {
					throw new JournalException("no image " + id + " in the journal " + file());
				}
				return ImageState.valueOf(rs.getString(1));
			}
		}
	}

	/**
	 * @param id an image id
	 * @return the image
	 * @throws JournalException when the journal fails
	 */
	public synchronized Optional<ImageEntry> image(long id) throws JournalException {
		List<ImageEntry> l = query("SELECT " + JournalRows.COLUMNS + " FROM image WHERE id = ?", id);
		return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
	}

	/**
	 * @param project the project
	 * @return its images, by name then path
	 * @throws JournalException when the journal fails
	 */
	public synchronized List<ImageEntry> images(String project) throws JournalException {
		return query("SELECT " + JournalRows.COLUMNS + " FROM image WHERE project = ? ORDER BY name, path", project);
	}

	/**
	 * @param project the project
	 * @param state   a state
	 * @return its images in that state, by name
	 * @throws JournalException when the journal fails
	 */
	public synchronized List<ImageEntry> images(String project, ImageState state) throws JournalException {
		return query("SELECT " + JournalRows.COLUMNS + " FROM image WHERE project = ? AND state = ? ORDER BY name, path", project,
				state.name());
	}

	/**
	 * @param project the project
	 * @param sha1    a content's SHA-1
	 * @return its images with that content (twins), by name
	 * @throws JournalException when the journal fails
	 */
	public synchronized List<ImageEntry> withChecksum(String project, String sha1) throws JournalException {
		return query("SELECT " + JournalRows.COLUMNS + " FROM image WHERE project = ? AND sha1 = ? ORDER BY name, path", project, sha1);
	}

	/**
	 * One page of a project's images, by name (for lazy views of large projects).
	 *
	 * @param project the project
	 * @param offset  rows to skip
	 * @param limit   rows at most
	 * @return the page
	 * @throws JournalException when the journal fails
	 */
	public synchronized List<ImageEntry> page(String project, int offset, int limit) throws JournalException {
		return query("SELECT " + JournalRows.COLUMNS + " FROM image WHERE project = ? ORDER BY name, path LIMIT ? OFFSET ?", project,
				limit, offset);
	}

	/**
	 * @param project the project
	 * @return its number of images
	 * @throws JournalException when the journal fails
	 */
	public synchronized int count(String project) throws JournalException {
		try (PreparedStatement ps = db.prepareStatement("SELECT COUNT(*) FROM image WHERE project = ?")) {
			ps.setString(1, project);
			try (ResultSet rs = ps.executeQuery()) {
				rs.next();
				return rs.getInt(1);
			}
		} catch (SQLException e) {
			throw fail("count images of " + project, e);
		}
	}

	/**
	 * @param project the project
	 * @return the number of images in each state (states without images are left out)
	 * @throws JournalException when the journal fails
	 */
	public synchronized Map<ImageState, Integer> counts(String project) throws JournalException {
		Map<ImageState, Integer> out = new EnumMap<>(ImageState.class);
		try (PreparedStatement ps = db.prepareStatement("SELECT state, COUNT(*) FROM image WHERE project = ? GROUP BY state")) {
			ps.setString(1, project);
			try (ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					out.put(ImageState.valueOf(rs.getString(1)), rs.getInt(2));
				}
			}
		} catch (SQLException e) {
			throw fail("count images of " + project, e);
		}
		return out;
	}

	/**
	 * The transitions of one image, oldest first.
	 *
	 * @param id the image
	 * @return {@code [epochMillis, state, detail]} triples
	 * @throws JournalException when the journal fails
	 */
	public synchronized List<Object[]> events(long id) throws JournalException {
		List<Object[]> out = new ArrayList<>();
		try (PreparedStatement ps = db.prepareStatement("SELECT at, state, detail FROM event WHERE image_id = ? ORDER BY id")) {
			ps.setLong(1, id);
			try (ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					out.add(new Object[] { rs.getLong(1), rs.getString(2), rs.getString(3) });
				}
			}
		} catch (SQLException e) {
			throw fail("read events", e);
		}
		return out;
	}

	private List<ImageEntry> query(String sql, Object... args) throws JournalException {
		List<ImageEntry> out = new ArrayList<>();
		try (PreparedStatement ps = db.prepareStatement(sql)) {
			for (int i = 0; i < args.length; i++) {
				ps.setObject(i + 1, args[i]);
			}
			try (ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					out.add(JournalRows.entry(rs));
				}
			}
		} catch (SQLException e) {
			throw fail("read images", e);
		}
		return out;
	}

	private void rollback() {
		try {
			db.rollback();
		} catch (SQLException ignored) {
			// the connection is broken; the transaction is gone either way
		}
	}

	private void autoCommit() {
		try {
			db.setAutoCommit(true);
		} catch (SQLException ignored) {
			// next use reports the broken connection
		}
	}

	private JournalException fail(String what, SQLException e) {
		return new JournalException("journal " + file() + ": cannot " + what + ": " + e.getMessage(), e);
	}

	/** Closes the database (committed changes are already on disk). */
	@Override
	public synchronized void close() {
		try {
			db.close();
		} catch (SQLException ignored) {
			// closing
		}
	}
}
