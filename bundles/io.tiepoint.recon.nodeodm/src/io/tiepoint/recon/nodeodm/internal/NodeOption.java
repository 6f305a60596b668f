/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.recon.nodeodm.internal;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One ODM option of {@code GET /options} (NodeODM's {@code libs/odmInfo.js}: {@code name} without the leading
 * {@code --}, {@code type} int, float, string, bool or enum, the default {@code value} as text, and the
 * {@code domain}: text such as {@code "positive integer"}, or the list of an enum's values).
 *
 * @param name   e.g. {@code fast-orthophoto}
 * @param type   e.g. {@code bool}
 * @param value  its default, as text
 * @param domain its domain
 */
public record NodeOption(String name, String type, String value, JsonNode domain) {
}
