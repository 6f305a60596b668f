/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.hub.tests;

/** The documents of {@code altizure-api.md}, verbatim, plus the hub's GridFS extension. */
public final class Docs {

	public static final String GEO = "{ getGeoIPInfo { nearestBuckets { cloud bucket } nearestMetaBuckets { cloud bucket } nearestModelBuckets { cloud bucket } } }";
	public static final String SUPPORTED_CLOUD = "query ($kind: UPLOAD_TYPE) { support { supportedCloud(kind: $kind) } }";
	public static final String ENDPOINTS = "{ support { endpoints { api web } } }";
	public static final String SYSTEM_MODE = "{ support { systemMode } }";
	public static final String ERROR_CODE_INFO = "query ($code: PROJECT_ERROR_CODE, $lang: LOCALE_TYPE) { support { errorCodeInfo(code: $code, lang: $lang) { code description solution } } }";
	public static final String ERROR_CODE_ENUM = "{ __type(name: \"PROJECT_ERROR_CODE\") { enumValues { name } } }";
	public static final String PROJECT = "query ($id: ID!) { project(id: $id) { id name isImported importedState projectType numImage gigaPixel taskState date cloudPath { key } } }";
	public static final String IMAGE = "query ($pid: ID!, $iid: ID!) { project(id: $pid) { image(id: $iid) { id state name filename error } } }";
	public static final String ALL_IMAGES = """
			query ($id: ID!, $first: Int, $last: Int, $before: String, $after: String) {
			  project(id: $id) { allImages(first: $first, last: $last, before: $before, after: $after) {
			    totalCount pageInfo { hasPreviousPage hasNextPage startCursor endCursor }
			    edges { node { id name filename state grounded url } } } } }""";
	public static final String ALL_PROJECTS = """
			query ($first: Int, $last: Int, $before: String, $after: String, $search: String) {
			  my { allProjects(first: $first, last: $last, before: $before, after: $after, search: $search) {
			    totalCount pageInfo { hasPreviousPage hasNextPage startCursor endCursor }
			    edges { node { id name isImported projectType numImage gigaPixel taskState date cloudPath { key } } } } } }""";
	public static final String CREATE_PROJECT = """
			mutation ($name: String!, $type: PROJECT_TYPE, $imported: Boolean, $modelType: IMPORTED_MODEL_TYPE, $visibility: PROJECT_VISIBILITY) {
			  createProject(name: $name, type: $type, imported: $imported, modelType: $modelType, visibility: $visibility) { id } }""";
	public static final String HAS_IMAGE = "mutation hasImage($pid: ID!, $checksum: String!) { hasImage(pid: $pid, checksum: $checksum) { id state } }";
	public static final String UPLOAD_S3 = """
			mutation ($pid: ID!, $bucket: BucketS3!, $filename: String!, $type: IMAGE_TYPE, $checksum: String) {
			  uploadImageS3(pid: $pid, bucket: $bucket, filename: $filename, type: $type, checksum: $checksum) { url image { id state name filename } } }""";
	public static final String UPLOAD_OSS = """
			mutation ($pid: ID!, $bucket: BucketOSS!, $filename: String!, $type: IMAGE_TYPE, $checksum: String) {
			  uploadImageOSS(pid: $pid, bucket: $bucket, filename: $filename, type: $type, checksum: $checksum) {
			    sts { id secret token bucket endpoint expire } image { id state name filename } } }""";
	public static final String UPLOAD_MINIO = """
			mutation ($pid: ID!, $bucket: BucketMinio!, $filename: String!, $type: IMAGE_TYPE, $checksum: String) {
			  uploadImageMinio(pid: $pid, bucket: $bucket, filename: $filename, type: $type, checksum: $checksum) { url image { id state name filename } } }""";
	public static final String START_UPLOAD = "mutation ($iid: ID!) { startImageUpload(id: $iid) { id state } }";
	public static final String DONE_UPLOAD = "mutation ($iid: ID!) { doneImageUpload(id: $iid) { id state } }";
	public static final String START_RECONSTRUCTION = """
			mutation ($id: ID!, $taskType: TASK_TYPE) {
			  startReconstructionWithError(id: $id, options: {taskType: $taskType}) {
			    error { code message } task { id taskType state startDate queueing } } }""";
	public static final String STOP_RECONSTRUCTION = "mutation ($id: ID!) { stopReconstruction(id: $id) { id taskType state startDate endDate } }";

	/** Hub extension: GridFS registration. */
	public static final String UPLOAD_GRIDFS = """
			mutation ($pid: ID!, $bucket: BucketGridFS, $filename: String!, $type: IMAGE_TYPE, $checksum: String) {
			  uploadImageGridFS(pid: $pid, bucket: $bucket, filename: $filename, type: $type, checksum: $checksum) { url image { id state name filename } } }""";
	/** Documented without a document: preStartReconstruction(id, options). */
	public static final String PRE_START = """
			mutation ($id: ID!, $taskType: TASK_TYPE) {
			  preStartReconstruction(id: $id, options: {taskType: $taskType}) {
			    error { code message } task { id state } project { id taskState } } }""";
	/** Task progress. */
	public static final String TASK = "query ($id: ID!) { project(id: $id) { taskState task { id taskType state startDate endDate totalSteps step queueing error } } }";
	/** Image detail. */
	public static final String IMAGE_FULL = "query ($pid: ID!, $iid: ID!) { project(id: $pid) { image(id: $iid) { id state name filename error checksum size width height grounded cloud } } }";

	private Docs() {
	}
}
