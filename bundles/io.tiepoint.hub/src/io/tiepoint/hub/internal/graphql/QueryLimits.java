/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.hub.internal.graphql;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import graphql.GraphQLContext;
import graphql.GraphqlErrorBuilder;
import graphql.analysis.FieldComplexityEnvironment;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLTypeUtil;
import io.tiepoint.hub.HubLimits;
import io.tiepoint.hub.internal.HubException;

/**
 * What one GraphQL request may cost, checked twice. Before execution, its estimated cost: every field
 * counts 1 plus its children; a list (a {@code ...Connection}) reads and counts its collection,
 * {@value HubLimits#CONNECTION_COST}, plus its rows ({@code first} or {@code last}, else the largest page,
 * {@value #DEFAULT_ROWS}) times the cost of a row. A request over the limit is refused
 * ({@code TOO_COMPLEX}) before anything runs: aliases multiply lists, nested lists multiply each other.
 * During execution, a deadline: a resolver that would start after it throws {@code TIMEOUT} instead.
 */
final class QueryLimits extends MaxQueryComplexityInstrumentation {

	/** Context key of the request's deadline ({@link System#nanoTime()}). */
	static final String DEADLINE = "tiepoint.deadline";
	/** Context key of the flag set when the deadline cut the request. */
	static final String TIMED_OUT = "tiepoint.timedOut";
	/** Rows of a list without first/last: the hub's largest page (store.Pages). */
	static final int DEFAULT_ROWS = 10_000;

	/** @param maxCost the largest estimated cost accepted */
	QueryLimits(int maxCost) {
		super(maxCost, QueryLimits::cost);
	}

	private static int cost(FieldComplexityEnvironment env, int children) {
		if (GraphQLTypeUtil.unwrapNonNull(env.getFieldDefinition().getType()) instanceof GraphQLObjectType t
				&& t.getName().endsWith("Connection")) {
			long rows = DEFAULT_ROWS;
			for (String page : List.of("first", "last")) {
				if (env.getArguments().get(page) instanceof Number n) {
					rows = Math.clamp(n.longValue(), 0, DEFAULT_ROWS);
				}
			}
			return (int) Math.min(Integer.MAX_VALUE, HubLimits.CONNECTION_COST + rows * Math.max(1, children));
		}
		return (int) Math.min(Integer.MAX_VALUE, 1L + children);
	}

	@Override
	protected AbortExecutionException mkAbortException(int cost, int maxCost) {
		return new AbortExecutionException(List.of(GraphqlErrorBuilder.newError()
				.message("this request would cost about " + cost + " and this hub allows " + maxCost
						+ " (each list counts " + HubLimits.CONNECTION_COST + " plus its rows times their fields):"
						+ " ask for fewer aliases or lists, or smaller pages (first/last)")
				.extensions(Map.of("code", "TOO_COMPLEX")).build()));
	}

	@Override
	public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters,
			InstrumentationState state) {
		GraphQLContext context = parameters.getExecutionContext().getGraphQLContext();
		Long deadline = context.get(DEADLINE);
		AtomicBoolean timedOut = context.get(TIMED_OUT);
		if (deadline == null || timedOut == null) {
			return fetcher;
		}
		return env -> {
			if (System.nanoTime() - deadline > 0) {
				timedOut.set(true);
				throw new HubException("TIMEOUT", "the request ran over this hub's time limit; ask for less");
			}
			return fetcher.get(env);
		};
	}
}
