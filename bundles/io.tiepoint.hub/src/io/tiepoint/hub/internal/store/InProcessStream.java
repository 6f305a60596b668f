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

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.List;
import java.util.function.Supplier;

import org.bson.ByteBuf;
import org.bson.ByteBufNIO;

import com.mongodb.ServerAddress;
import com.mongodb.connection.AsyncCompletionHandler;
import com.mongodb.internal.connection.OperationContext;
import com.mongodb.internal.connection.Stream;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;

/**
 * One driver connection to the embedded server, in-process: a write hands the message's bytes to the
 * server's pipeline, which decodes it, runs the command on the backend and encodes the reply, all in
 * the calling thread; reads take the reply's bytes. The driver uses a connection from one thread at a
 * time; the methods are synchronized for the pool's own calls (close from a maintenance thread).
 */
final class InProcessStream implements Stream {

	private final ServerAddress address;
	private final Supplier<EmbeddedChannel> connect;
	private final ArrayDeque<ByteBuffer> replies = new ArrayDeque<>();
	private EmbeddedChannel channel;
	private boolean closed;

	/** @param address the server's nominal address @param connect opens the server side */
	InProcessStream(ServerAddress address, Supplier<EmbeddedChannel> connect) {
		this.address = address;
		this.connect = connect;
	}

	@Override
	public ByteBuf getBuffer(int size) {
		return new ByteBufNIO(ByteBuffer.allocate(size));
	}

	@Override
	public synchronized void open(OperationContext context) throws IOException {
		if (closed) {
			throw new IOException("connection to the embedded database closed");
		}
		channel = connect.get();
	}

	@Override
	public void openAsync(OperationContext context, AsyncCompletionHandler<Void> handler) {
		try {
			open(context);
			handler.completed(null);
		} catch (IOException | RuntimeException e) {
			handler.failed(e);
		}
	}

	@Override
	public synchronized void write(List<ByteBuf> buffers, OperationContext context) throws IOException {
		if (channel == null || closed) {
			throw new IOException("connection to the embedded database closed");
		}
		int total = 0;
		for (ByteBuf b : buffers) {
			total += b.remaining();
		}
		io.netty.buffer.ByteBuf message = Unpooled.buffer(total);
		for (ByteBuf b : buffers) {
			message.writeBytes(b.asNIO());
		}
		try {
			channel.writeInbound(message);
		} catch (RuntimeException e) {
			throw new IOException("the embedded database failed: " + e, e);
		}
		for (Object o; (o = channel.readOutbound()) != null;) {
			io.netty.buffer.ByteBuf reply = (io.netty.buffer.ByteBuf) o;
			try {
				byte[] bytes = new byte[reply.readableBytes()];
				reply.readBytes(bytes);
				replies.add(ByteBuffer.wrap(bytes));
			} finally {
				reply.release();
			}
		}
	}

	@Override
	public synchronized ByteBuf read(int numBytes, OperationContext context) throws IOException {
		ByteBuffer out = ByteBuffer.allocate(numBytes);
		while (out.hasRemaining()) {
			ByteBuffer head = replies.peek();
			if (head == null) {
				throw new IOException("the embedded database sent " + out.position() + " of the " + numBytes
						+ " bytes expected" + (closed ? " (closed)" : ""));
			}
			int n = Math.min(head.remaining(), out.remaining());
			out.put(out.position(), head, head.position(), n);
			out.position(out.position() + n);
			head.position(head.position() + n);
			if (!head.hasRemaining()) {
				replies.poll();
			}
		}
		return new ByteBufNIO(out.flip());
	}

	@Override
	public void writeAsync(List<ByteBuf> buffers, OperationContext context, AsyncCompletionHandler<Void> handler) {
		try {
			write(buffers, context);
			handler.completed(null);
		} catch (IOException | RuntimeException e) {
			handler.failed(e);
		}
	}

	@Override
	public void readAsync(int numBytes, OperationContext context, AsyncCompletionHandler<ByteBuf> handler) {
		try {
			handler.completed(read(numBytes, context));
		} catch (IOException | RuntimeException e) {
			handler.failed(e);
		}
	}

	@Override
	public ServerAddress getAddress() {
		return address;
	}

	@Override
	public synchronized void close() {
		if (!closed) {
			closed = true;
			replies.clear();
			if (channel != null) {
				channel.close();
			}
		}
	}

	@Override
	public synchronized boolean isClosed() {
		return closed;
	}
}
