/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.hub.embedded.internal;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.tiepoint.hub.HubCredentials;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tiepoint hub token}: prints the credentials, adds a user, or revokes a user's token. */
@Command(name = "token", mixinStandardHelpOptions = true, description = "Print the app key and first user's token of a hub data directory, add a user, or revoke a user's token.")
final class HubTokenCommand implements Callable<Integer> {

	private static final int OK = 0;
	private static final int FAILED = 1;
	private static final int USAGE = 2;

	@Spec
	private CommandSpec spec;

	@Option(names = "--data", required = true, paramLabel = "DIR", description = "The hub's data directory.")
	private Path data;

	@Option(names = "--add-user", paramLabel = "NAME", description = "Add a user (or give a revoked one a new token) and print the new token.")
	private String addUser;

	@Option(names = "--lifetime", paramLabel = "D", description = "With --add-user: the token expires after D (90m, 12h, 30d or ISO-8601 like P30D); default: never.")
	private String lifetime;

	@Option(names = "--revoke", paramLabel = "NAME", description = "Revoke the user's token: the hub refuses it, and the download links handed out with it, from its next call.")
	private String revoke;

	@Override
	public Integer call() {
		PrintWriter out = spec.commandLine().getOut();
		PrintWriter err = spec.commandLine().getErr();
		if (lifetime != null && addUser == null || revoke != null && addUser != null) {
			err.println("tiepoint hub token: --lifetime goes with --add-user, --revoke alone");
			return USAGE;
		}
		try {
			HubCredentials credentials = HubCredentials.open(data);
			if (revoke != null) {
				credentials.revoke(revoke);
				out.println("revoked the token of " + revoke);
			} else if (addUser != null) {
				out.println("altitoken=" + credentials.addUser(addUser,
						lifetime == null ? null : HubCredentials.parseLifetime(lifetime)));
				credentials.expiry(addUser).ifPresent(t -> out.println("expires=" + t));
			} else {
				out.println("key=" + credentials.appKey());
				out.println("package=" + credentials.packageName());
				String token = credentials.userToken();
				out.println(token != null ? "altitoken=" + token
						: "# the token of " + credentials.firstUser()
								+ " is revoked; give a new one with --add-user " + credentials.firstUser());
			}
			return OK;
		} catch (IOException | IllegalArgumentException e) {
			err.println("tiepoint hub token: " + e.getMessage());
			return FAILED;
		}
	}
}
