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

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Supplier;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

import io.tiepoint.hub.HubLimits;
import io.tiepoint.hub.internal.HubLog;
import io.tiepoint.hub.internal.auth.CredentialsFile;
import io.tiepoint.hub.internal.store.FileIds;
import io.tiepoint.hub.internal.store.ProjectStore;
import io.tiepoint.hub.internal.store.files.ChunkStore;
import io.tiepoint.hub.internal.store.files.ProjectOwners;
import io.tiepoint.hub.internal.store.files.StoreFailures;

/**
 * The GridFS resource service of seed 003 under {@code /Resource/}, one {@link ResourceAction} per action:
 * {@link GetUploadState}, {@link Upload} (POST of a UUrl, with {@code Range}), {@link GetDownloadUrl},
 * {@link DownloadUrl} (ranged GET), {@link GetFileInfo}, {@link GetUserFiles}, {@link Convert},
 * {@link GetOnlinePlayUrl} and {@link OnlinePlayUrl}. Calls other than the upload, download and play URLs
 * carry the seed's {@code APPID}, {@code License} and {@code PackageName} ({@link ResourceAuth}). A user
 * sees, fetches and converts only the files they uploaded or whose project they own ({@link FileAccess});
 * uploads are per user ({@link Uploads}); the URLs handed out are built from the hub's public address,
 * never the request's {@code Host}. Every answer is the seed's JSON {@code {message, data, code}}, errors
 * with the HTTP status as {@code code} (a failure of the database: 503). With peers, requests for md5s or
 * FileIDs of another hub's prefix answer {@code code 300} with its {@code HostName} and {@code Port}
 * ({@link Peers}). Other paths are left to the next handler.
 */
public final class ResourceHandler extends Handler.Abstract {

	private static final HubLog LOG = HubLog.of(ResourceHandler.class);
	private static final String PREFIX = "/Resource/";
	private final Map<String, ResourceAction> actions;
	private final Supplier<Boolean> closing;

	/**
	 * @param credentials app key, user tokens and the link secret
	 * @param uploads     the upload side
	 * @param store       the chunks
	 * @param projects    the projects (their owners see their files)
	 * @param converter   conversion
	 * @param limits      the download links' validity
	 * @param peers       md5 prefix to peer hub
	 * @param base        the hub's public base URL, for the URLs it hands out
	 * @param closing     whether the hub is shutting down
	 */
	public ResourceHandler(CredentialsFile credentials, Uploads uploads, ChunkStore store, ProjectStore projects,
			Converter converter, HubLimits limits, Map<String, URI> peers, Supplier<URI> base, Supplier<Boolean> closing) {
		ResourceAuth auth = new ResourceAuth(credentials);
		FileAccess access = new FileAccess(store, new ProjectOwners(projects));
		FileReads reads = new FileReads(access, store, converter);
		DownloadLinks links = new DownloadLinks(credentials, limits.downloadLinkValidity(), base);
		Downloads downloads = new Downloads(auth, links, access, store);
		OnlinePlay play = new OnlinePlay(links, access, converter, limits.downloadLinkValidity(), base);
		Peers others = new Peers(peers);
		this.actions = Map.of("Upload", new Upload(uploads, closing),
				"DownloadUrl", new DownloadUrl(downloads, others),
				"GetUploadState", new GetUploadState(auth, uploads, others, base),
				"GetDownloadUrl", new GetDownloadUrl(auth, access, links, others),
				"GetFileInfo", new GetFileInfo(auth, reads, others),
				"GetUserFiles", new GetUserFiles(auth, reads),
				"Convert", new Convert(auth, reads, others),
				"GetOnlinePlayUrl", new GetOnlinePlayUrl(auth, play, others),
				"OnlinePlayUrl", new OnlinePlayUrl(links, access, downloads));
		this.closing = closing;
	}

	@Override
	public boolean handle(Request request, Response response, Callback callback) throws Exception {
		String path = Request.getPathInContext(request);
		if (!path.startsWith(PREFIX)) {
			return false;
		}
		String name = path.substring(PREFIX.length());
		try {
			Fields query = Request.extractQueryParameters(request, StandardCharsets.UTF_8);
			ResourceAction action = actions.get(name);
			if (action == null) {
				throw new ResourceException(404, "no such resource action: " + Params.abbreviate(name));
			}
			action.handle(request, response, callback, query);
		} catch (ResourceException e) {
			Replies.error(response, callback, e.status(), e.getMessage(), e.data());
		} catch (RuntimeException e) {
			if (StoreFailures.is(e) || e instanceof IllegalStateException) {
				if (!closing.get()) {
					LOG.warn("resource action " + name + " failed", e);
				}
				Replies.error(response, callback, 503, "the hub's database failed (" + StoreFailures.name(e)
						+ "); try again", null);
			} else {
				LOG.error("resource action " + name + " failed", e);
				Replies.error(response, callback, 500, "internal error in " + name, null);
			}
		}
		return true;
	}
}
