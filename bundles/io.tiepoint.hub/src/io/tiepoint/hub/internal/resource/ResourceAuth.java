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

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;

import io.tiepoint.hub.internal.auth.CredentialsFile;

/**
 * The seed's caller: {@code APPID}, {@code License} and {@code PackageName}, as headers of those names
 * or as the seed's user info {@code APPID:License@PackageName} (header {@code UserAction}, or HTTP Basic).
 * The License is a user's token: revoked or expired, it is refused. The PackageName must be the package
 * registered for the APPID ({@code package} of the credentials file): a wrong one is refused like a wrong
 * APPID or License (401).
 */
final class ResourceAuth {

	private final CredentialsFile credentials;

	/** @param credentials app key and user tokens */
	ResourceAuth(CredentialsFile credentials) {
		this.credentials = credentials;
	}

	/** @param request a call @return the user the License belongs to; checks APPID and PackageName */
	String user(Request request) {
		String appId = request.getHeaders().get("APPID");
		String license = request.getHeaders().get("License");
		String packageName = request.getHeaders().get("PackageName");
		String userInfo = request.getHeaders().get("UserAction");
		String basic = request.getHeaders().get(HttpHeader.AUTHORIZATION);
		if (userInfo == null && basic != null && basic.regionMatches(true, 0, "Basic ", 0, 6)) {
			try {
				userInfo = new String(Base64.getDecoder().decode(basic.substring(6).trim()), StandardCharsets.UTF_8);
			} catch (IllegalArgumentException e) {
				throw new ResourceException(400, "malformed Authorization header");
			}
		}
		if (userInfo != null && appId == null && license == null) {
			int colon = userInfo.indexOf(':');
			int at = userInfo.lastIndexOf('@');
			if (colon < 0) {
				throw new ResourceException(400, "user info must be APPID:License@PackageName");
			}
			appId = userInfo.substring(0, colon);
			license = at > colon ? userInfo.substring(colon + 1, at) : userInfo.substring(colon + 1);
			if (at > colon && packageName == null) {
				packageName = userInfo.substring(at + 1);
			}
		}
		if (appId == null || appId.isEmpty()) {
			throw new ResourceException(401, "missing APPID");
		}
		if (!credentials.isAppKey(appId)) {
			throw new ResourceException(401, "invalid APPID");
		}
		if (license == null || license.isEmpty()) {
			throw new ResourceException(401, "missing License");
		}
		Optional<String> user = credentials.userOf(license);
		if (user.isEmpty()) {
			throw new ResourceException(401, "invalid, revoked or expired License");
		}
		if (packageName == null || packageName.isBlank()) {
			throw new ResourceException(400, "missing PackageName");
		}
		if (!credentials.isPackageName(packageName)) {
			throw new ResourceException(401, "invalid PackageName: not the package registered for this APPID");
		}
		return user.get();
	}
}
