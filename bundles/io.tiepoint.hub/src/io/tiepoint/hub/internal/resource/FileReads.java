/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.hub.internal.resource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tiepoint.hub.internal.store.files.ChunkStore;
import io.tiepoint.hub.internal.store.files.ConversionOutput;
import io.tiepoint.hub.internal.store.files.FileMeta;
import io.tiepoint.hub.internal.store.files.StoredFile;

import io.tiepoint.hub.internal.store.FileIds;

/**
 * The resource service's answers about files (seed 003): GetFileInfo (3.6), GetUserFiles (3.7) and
 * Convert (3.5), each the {@code data} of the seed's JSON, for files the caller may see ({@link FileAccess}).
 * {@code FileInfo} is the description given to GetUploadState ({@code fileinfo}, "" when none); the
 * file's directory is the extra field {@code Directory}, after the seed's fields, then {@code Conversions}:
 * what Convert was asked for the file and how far it is ({@link Converter#conversions}), read only.
 *
 * @param access    who may see which file
 * @param store     the files
 * @param converter conversion
 */
record FileReads(FileAccess access, ChunkStore store, Converter converter) {

	/** @param user the caller @param fid a FileID @return GetFileInfo's data */
	Map<String, Object> fileInfo(String user, String fid) {
		Map<String, Object> d = info(fid, access.readable(user, fid), true);
		d.put("Conversions", converter.conversions(List.of(fid)).getOrDefault(fid, List.of()));
		return d;
	}

	private static Map<String, Object> info(String fid, StoredFile file, boolean full) {
		FileMeta meta = file.metadata();
		Map<String, Object> d = new LinkedHashMap<>();
		d.put("FileName", file.filename());
		d.put("FileInfo", meta == null || meta.fileinfo() == null ? "" : meta.fileinfo());
		d.put("MD5", meta == null ? "" : meta.md5());
		d.put("FileID", fid);
		if (full) {
			d.put("UpdateTime", String.valueOf(file.uploadDate()));
			d.put("ExecuteCode", 1);
			d.put("Size", file.length());
		}
		d.put("Directory", meta == null || meta.directory() == null ? "/" : meta.directory());
		return d;
	}

	/** @param user the caller @return GetUserFiles's data: the files the user uploaded */
	Map<String, Object> userFiles(String user) {
		List<Map<String, Object>> list = new ArrayList<>();
		for (StoredFile f : store.filesOf(user)) {
			if (!f.metadata().isDerived()) {
				list.add(info(FileIds.of(f.metadata().route(), f.id()), f, false));
			}
		}
		Map<String, List<Map<String, Object>>> conversions = converter.conversions(
				list.stream().map(m -> (String) m.get("FileID")).toList());
		for (Map<String, Object> m : list) {
			m.put("Conversions", conversions.getOrDefault(m.get("FileID"), List.of()));
		}
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("Count", list.size());
		data.put("FileList", list);
		data.put("ExecuteCode", 1);
		return data;
	}

	/**
	 * @param user  the caller
	 * @param fid   a FileID
	 * @param type  ConverType, or null for an image
	 * @param level the audio Level, or null
	 * @return Convert's data
	 */
	Map<String, Object> convert(String user, String fid, String type, String level) {
		access.readable(user, fid);
		Converter.Result r = converter.convert(fid, type, level);
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("Type", r.type());
		data.put("Waiting", r.waiting());
		data.put("FileID", fid);
		List<Map<String, Object>> list = new ArrayList<>();
		for (ConversionOutput o : r.list()) {
			Map<String, Object> e = new LinkedHashMap<>();
			e.put("FileID", o.fileId());
			e.put("Level", o.level());
			list.add(e);
		}
		data.put("FileList", list);
		data.put("ExecuteCode", 1);
		return data;
	}
}
