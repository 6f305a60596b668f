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

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The journal's tables (created, or given the columns of later versions, on open) and their rows as records. */
final class JournalRows {

	/**
	 * The image columns in the order {@link #entry(ResultSet)} reads them. Not a compile-time constant on purpose:
	 * a constant is copied into the classes that use it, and an incremental build that recompiles only this class
	 * then leaves them querying the old columns.
	 */
	static final String COLUMNS = String.join(", ", "id", "project", "path", "name", "size", "mtime", "sha1", "md5",
			"media_type", "make", "model", "taken", "latitude", "longitude", "altitude", "rel_altitude", "yaw", "pitch",
			"width", "height", "findings", "state", "offset_bytes", "resume_token", "remote_id", "error", "retryable",
			"attempts", "bytes_sent", "excluded", "updated", "location", "cloud");
	static final String PROJECT_COLUMNS = "name, hub, cloud, remote_id, created, destination";

	private JournalRows() {
	}

	static void createSchema(Connection db) throws SQLException {
		try (Statement s = db.createStatement()) {
			s.execute("CREATE TABLE IF NOT EXISTS project (name VARCHAR PRIMARY KEY, hub VARCHAR, cloud VARCHAR,"
					+ " remote_id VARCHAR, created BIGINT)");
			s.execute("CREATE TABLE IF NOT EXISTS image (id BIGINT AUTO_INCREMENT PRIMARY KEY,"
					+ " project VARCHAR NOT NULL, path VARCHAR NOT NULL, name VARCHAR NOT NULL, size BIGINT, mtime BIGINT,"
					+ " sha1 VARCHAR(40), md5 VARCHAR(32), media_type VARCHAR, make VARCHAR, model VARCHAR, taken VARCHAR,"
					+ " latitude DOUBLE PRECISION, longitude DOUBLE PRECISION, altitude DOUBLE PRECISION,"
					+ " rel_altitude DOUBLE PRECISION, yaw DOUBLE PRECISION, pitch DOUBLE PRECISION, width INT, height INT,"
					+ " findings VARCHAR DEFAULT '', state VARCHAR NOT NULL, offset_bytes BIGINT DEFAULT 0,"
					+ " resume_token VARCHAR, remote_id VARCHAR, error VARCHAR, retryable BOOLEAN DEFAULT FALSE,"
					+ " attempts INT DEFAULT 0, bytes_sent BIGINT DEFAULT 0, excluded BOOLEAN DEFAULT FALSE,"
					+ " updated BIGINT, UNIQUE (project, path))");
			s.execute("CREATE INDEX IF NOT EXISTS image_sha1 ON image (project, sha1)");
			s.execute("CREATE INDEX IF NOT EXISTS image_state ON image (project, state)");
			s.execute("CREATE INDEX IF NOT EXISTS image_name ON image (project, name, path)");
			// added by later versions: journals of earlier ones get the columns on first open
			s.execute("ALTER TABLE project ADD COLUMN IF NOT EXISTS destination VARCHAR");
			s.execute("ALTER TABLE image ADD COLUMN IF NOT EXISTS location VARCHAR");
			s.execute("ALTER TABLE image ADD COLUMN IF NOT EXISTS cloud VARCHAR");
			s.execute("CREATE TABLE IF NOT EXISTS event (id BIGINT AUTO_INCREMENT PRIMARY KEY, image_id BIGINT,"
					+ " at BIGINT, state VARCHAR, detail VARCHAR)");
			s.execute("CREATE INDEX IF NOT EXISTS event_image ON event (image_id)");
		}
	}

	static Project project(ResultSet rs) throws SQLException {
		return new Project(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
				rs.getString(6));
	}

	private static Double dbl(ResultSet rs, int i) throws SQLException {
		double v = rs.getDouble(i);
		return rs.wasNull() ? null : v;
	}

	private static Integer integer(ResultSet rs, int i) throws SQLException {
		int v = rs.getInt(i);
		return rs.wasNull() ? null : v;
	}

	static ImageEntry entry(ResultSet rs) throws SQLException {
		return new ImageEntry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
				rs.getLong(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11),
				rs.getString(12), dbl(rs, 13), dbl(rs, 14), dbl(rs, 15), dbl(rs, 16), dbl(rs, 17), dbl(rs, 18),
				integer(rs, 19), integer(rs, 20), rs.getString(21), ImageState.valueOf(rs.getString(22)), rs.getLong(23),
				rs.getString(24), rs.getString(25), rs.getString(26), rs.getBoolean(27), rs.getInt(28), rs.getLong(29),
				rs.getBoolean(30), rs.getLong(31), rs.getString(32), rs.getString(33));
	}
}
