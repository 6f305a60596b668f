/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.hub.internal.store;

/**
 * Which images a page lists.
 *
 * @param pid   the project
 * @param state only images in this state, or null for all
 */
public record ImageQuery(String pid, HubImageState state) {
}
