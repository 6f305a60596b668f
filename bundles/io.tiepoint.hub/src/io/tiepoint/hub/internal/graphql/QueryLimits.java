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

import graphql.ExecutionResult;
import graphql.GraphQLContext;
import graphql.GraphqlErrorBuilder;
import graphql.analysis.FieldComplexityEnvironment;
import graphql.analysis.QueryComplexityCalculator;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.language.Argument;
import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.Node;
import graphql.language.OperationDefinition;
import graphql.language.VariableReference;
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
 * The cost of a cached document whose page sizes are not variables is computed once
 * ({@link DocumentCache#cost}): clients send the same few documents again and again. During execution, a
 * deadline: a resolver that would start after it throws {@code TIMEOUT} instead.
 */
final class QueryLimits extends SimplePerformantInstrumentation {

	/** Context key of the request's deadline ({@link System#nanoTime()}). */
	static final String DEADLINE = "tiepoint.deadline";
	/** Context key of the flag set when the deadline cut the request. */
	static final String TIMED_OUT = "tiepoint.timedOut";
	/** Rows of a list without first/last: the hub's largest page (store.Pages). */
	static final int DEFAULT_ROWS = 10_000;
	private static final List<String> PAGE = List.of("first", "last");
	private final int maxCost;
	private final DocumentCache documents;

	/** @param maxCost the largest estimated cost accepted @param documents where costs are remembered */
	QueryLimits(int maxCost, DocumentCache documents) {
		this.maxCost = maxCost;
		this.documents = documents;
	}

	@Override
	public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters p,
			InstrumentationState state) {
		ExecutionContext ctx = p.getExecutionContext();
		String query = ctx.getExecutionInput().getQuery();
		Integer known = documents.cost(query);
		int cost;
		if (known != null) {
			cost = known;
		} else {
			cost = QueryComplexityCalculator.newCalculator().fieldComplexityCalculator(QueryLimits::cost)
					.schema(ctx.getGraphQLSchema()).document(ctx.getDocument())
					.operationName(ctx.getExecutionInput().getOperationName()).variables(ctx.getCoercedVariables()).build()
					.calculate();
			if (fixedCost(ctx.getDocument())) {
				documents.cost(query, cost);
			}
		}
		if (cost > maxCost) {
			throw new AbortExecutionException(List.of(GraphqlErrorBuilder.newError()
					.message("this request would cost about " + cost + " and this hub allows " + maxCost
							+ " (each list counts " + HubLimits.CONNECTION_COST + " plus its rows times their fields):"
							+ " ask for fewer aliases or lists, or smaller pages (first/last)")
					.extensions(Map.of("code", "TOO_COMPLEX")).build()));
		}
		return SimpleInstrumentationContext.noOp();
	}

	private static int cost(FieldComplexityEnvironment env, int children) {
		if (GraphQLTypeUtil.unwrapNonNull(env.getFieldDefinition().getType()) instanceof GraphQLObjectType t
				&& t.getName().endsWith("Connection")) {
			long rows = DEFAULT_ROWS;
			for (String page : PAGE) {
				if (env.getArguments().get(page) instanceof Number n) {
					rows = Math.clamp(n.longValue(), 0, DEFAULT_ROWS);
				}
			}
			return (int) Math.min(Integer.MAX_VALUE, HubLimits.CONNECTION_COST + rows * Math.max(1, children));
		}
		return (int) Math.min(Integer.MAX_VALUE, 1L + children);
	}

	/** @return whether the cost is the same whatever the variables: one operation, no page size from a variable */
	private static boolean fixedCost(Document document) {
		int operations = 0;
		for (Definition<?> d : document.getDefinitions()) {
			if (d instanceof OperationDefinition) {
				operations++;
			}
		}
		return operations == 1 && !pagedByVariable(document);
	}

	private static boolean pagedByVariable(Node<?> node) {
		if (node instanceof Argument a && PAGE.contains(a.getName()) && a.getValue() instanceof VariableReference) {
			return true;
		}
		for (Node<?> child : node.getChildren()) {
			if (pagedByVariable(child)) {
				return true;
			}
		}
		return false;
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
