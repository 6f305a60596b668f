/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.core.storage;

import java.util.Objects;

/**
 * A setting a storage provider needs, as its extension declares it: enough for the workbench to build a
 * preference page and for {@code tiepoint providers} and {@code tiepoint config} to list it. The value is
 * looked up under {@link #key()} in the settings (user and workspace files), the environment
 * ({@code TIEPOINT_} + the key in upper case with {@code _} for {@code .}) and, for secrets, the
 * workbench's secure storage.
 *
 * @param key         e.g. {@code s3.access.key}
 * @param label       shown to users, e.g. {@code Access key}
 * @param secret      whether the value is a secret (masked, kept in secure storage, never logged)
 * @param required    whether a destination cannot be used without it
 * @param description one sentence for tooltips and {@code --help}, or ""
 */
public record ProviderSetting(String key, String label, boolean secret, boolean required, String description) {

	/** Checks the parts. */
	public ProviderSetting {
		Objects.requireNonNull(key, "key");
		label = label == null || label.isBlank() ? key : label;
		description = description == null ? "" : description;
	}

	/** @return the environment variable that sets it, e.g. {@code TIEPOINT_S3_ACCESS_KEY} */
	public String environmentVariable() {
		return "TIEPOINT_" + key.toUpperCase(java.util.Locale.ROOT).replace('.', '_');
	}
}
