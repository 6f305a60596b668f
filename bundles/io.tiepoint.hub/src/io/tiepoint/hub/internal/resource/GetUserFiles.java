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

import java.io.IOException;

import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * GetUserFiles (seed 003, 3.7): the files the caller uploaded ({@link FileReads}).
 *
 * @param auth  the caller's credentials
 * @param reads the answers about files
 */
record GetUserFiles(ResourceAuth auth, FileReads reads) implements ResourceAction {

	@Override
	public void handle(Request request, Response response, Callback callback, Fields query) throws IOException {
		Replies.ok(response, callback, reads.userFiles(auth.user(request)));
	}
}
