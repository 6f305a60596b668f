/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.hub.internal.cloud;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.tiepoint.hub.internal.oss.OssGateway;
import io.tiepoint.hub.spi.HubCloud;
import io.tiepoint.hub.spi.HubCloudContext;
import io.tiepoint.hub.spi.HubCloudFactory;

/**
 * The OSS cloud: on the hub's own gateway when the hub runs one (every hub without a real OSS configured), else on
 * the real OSS of the settings {@code cloud.oss.endpoint}, {@code bucket}, {@code role.arn}, {@code access.key},
 * {@code secret.key}. The STS's validity is {@code cloud.oss.sts.validity} (seconds, default 3600).
 */
public final class OssCloudFactory implements HubCloudFactory {

	/** The cloud's id, whose settings ({@code cloud.oss.*}) the hub's gateway reads too. */
	public static final String ID = OssCloud.ID;
	/** What a real OSS needs, besides the endpoint. */
	static final List<String> REAL = List.of("bucket", "role.arn", "access.key", "secret.key");

	/** A real OSS ({@code endpoint}) needs {@link #REAL} too. */
	@Override
	public Optional<String> check(Map<String, String> settings, SettingNames names) {
		if (settings.containsKey("endpoint")) {
			for (String k : REAL) {
				if (!settings.containsKey(k)) {
					return Optional.of("a real OSS (" + names.setting("endpoint") + ") needs the setting " + names.setting(k)
							+ " (settings file, or the environment variable " + names.environment(k) + ")");
				}
			}
		}
		return Optional.empty();
	}

	@Override
	public Optional<HubCloud> create(HubCloudContext context) throws IOException {
		Duration validity;
		try {
			validity = Duration.ofSeconds(Long.parseLong(context.setting("sts.validity").orElse("3600").trim()));
		} catch (NumberFormatException e) {
			throw new IOException("cloud " + context.id() + ": sts.validity must be a number of seconds");
		}
		if (validity.toSeconds() < 1 || validity.toHours() > 12) {
			throw new IOException("cloud " + context.id() + ": sts.validity must be 1 s to 12 h, not " + validity.toSeconds() + " s");
		}
		if (context.setting("endpoint").isPresent()) {
			return Optional.of(new OssCloud(AliyunBackend.of(context, validity)));
		}
		return context.service(OssGateway.class).map(g -> new OssCloud(new GatewayBackend(g, validity)));
	}
}
