/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.hub.internal.store.files;

import java.util.Date;

import org.bson.Document;
import org.bson.types.ObjectId;

import io.tiepoint.hub.internal.store.Ids;

/** Files documents of the GridFS bucket to {@link StoredFile}s and back; the field names are GridFS's and the hub's. */
final class FileDocs {

	private FileDocs() {
	}

	static StoredFile file(Document d) {
		if (d == null) {
			return null;
		}
		Object id = d.get("_id");
		Date date = d.getDate("uploadDate");
		Number length = d.get("length", Number.class);
		Document meta = d.get("metadata", Document.class);
		return new StoredFile(id instanceof ObjectId o ? o.toHexString() : String.valueOf(id), d.getString("filename"),
				length == null ? 0 : length.longValue(), date == null ? 0 : date.getTime(), meta(meta));
	}

	private static FileMeta meta(Document m) {
		if (m == null) {
			return null;
		}
		Object pid = m.get("pid");
		Object level = m.get("level");
		return new FileMeta(m.getString("md5"), m.getString("sha1"), m.getString("route"), string(m, "user"),
				pid instanceof ObjectId p ? p.toHexString() : null, string(m, "directory"), string(m, "fileinfo"),
				string(m, "kind"), string(m, "derivedFrom"), level instanceof Number n ? n.intValue() : null);
	}

	private static String string(Document m, String key) {
		Object v = m.get(key);
		return v instanceof String s ? s : null;
	}

	/**
	 * @param m metadata
	 * @return its document in the shape each writer has always used: a derived file's
	 *         {@code route, kind, derivedFrom, level, user, pid, directory} (nulls kept), an upload's
	 *         {@code md5, sha1, route, user, directory, kind}, then {@code fileinfo} and {@code pid} when set
	 */
	static Document meta(FileMeta m) {
		if (m.isDerived()) {
			Document d = new Document("route", m.route()).append("kind", m.kind()).append("derivedFrom", m.derivedFrom())
					.append("level", m.level()).append("user", m.user()).append("pid", Ids.parse(m.pid()))
					.append("directory", m.directory());
			if (m.md5() != null) {
				d.append("md5", m.md5()).append("sha1", m.sha1());
			}
			return d;
		}
		Document d = new Document("md5", m.md5()).append("sha1", m.sha1()).append("route", m.route())
				.append("user", m.user()).append("directory", m.directory()).append("kind", m.kind());
		if (m.fileinfo() != null) {
			d.append("fileinfo", m.fileinfo());
		}
		if (m.pid() != null) {
			d.append("pid", Ids.parse(m.pid()));
		}
		return d;
	}
}
