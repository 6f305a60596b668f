/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.platform;

import java.util.List;

/**
 * A reconstruction engine of a hub ({@code support.engines}, a hub extension of the platform API).
 *
 * @param id        what {@link PlatformApi#startReconstruction(String, String, String)} takes, e.g. {@code nodeodm}
 * @param name      its name
 * @param taskTypes the task types it runs
 * @param isDefault whether the hub runs it when a client names no engine
 */
public record RemoteEngine(String id, String name, List<String> taskTypes, boolean isDefault) {
}
