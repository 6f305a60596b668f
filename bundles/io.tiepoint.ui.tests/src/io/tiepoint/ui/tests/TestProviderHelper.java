/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.ui.tests;

import java.io.IOException;
import java.util.Optional;

import org.eclipse.swt.widgets.Shell;

import io.tiepoint.ui.providers.ProviderContext;
import io.tiepoint.ui.providers.ProviderHelper;

/**
 * The test provider's helper, contributed by this fragment: keeps a token through the context (secure storage) and
 * picks a destination; it fails, saying why, when the destination typed so far contains "fail".
 */
public final class TestProviderHelper implements ProviderHelper {

	/** The token it stores. */
	static final String TOKEN = "helper-token-7d2e";
	/** The destination it picks. */
	static final String PICKED = "uitest://picked/by-helper";

	/** For the extension registry. */
	public TestProviderHelper() {
		// nothing
	}

	@Override
	public Optional<String> run(Shell shell, ProviderContext context) throws IOException {
		if (context.destination().contains("fail")) {
			throw new IOException("the test store refuses " + context.destination());
		}
		context.store(TestStorageProvider.TOKEN, TOKEN);
		return context.destination().isEmpty() ? Optional.empty() : Optional.of(PICKED);
	}
}
