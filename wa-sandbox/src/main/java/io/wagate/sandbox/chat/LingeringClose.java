package io.wagate.sandbox.chat;

import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import reactor.netty.NettyPipeline;

/**
 * Holds back the TCP close that follows the server's WebSocket close frame until the client has answered with its
 * own close frame or closed TCP, or the timeout ran out; meanwhile whatever the client still sends is read and
 * dropped.
 *
 * <p>Closing a socket whose receive buffer holds unread bytes makes the kernel send a reset instead of a FIN. A
 * client that is writing at that moment sees the reset and may throw away frames it has not read yet, among them
 * the stream:error that says why the connection ends; it would then report a network failure. Reactor Netty closes
 * the channel as soon as its close frame is written, so the wait has to happen below it, in the Netty pipeline.
 *
 * <p>The handler callbacks run on the channel's event loop; {@link #abort()} may come from any thread.
 */
final class LingeringClose extends ChannelDuplexHandler {

    static final String NAME = "wagate.lingeringClose";

    private final Duration timeout;
    private volatile boolean abortive;
    private boolean closeFrameSent;
    private boolean peerCloseFrameSeen;
    private @Nullable ChannelPromise heldClose;
    private @Nullable ScheduledFuture<?> deadline;

    private LingeringClose(Duration timeout) {
        this.timeout = timeout;
    }

    /**
     * Adds the handler in front of Reactor Netty's bridge. Added to the pipeline directly: a handler added through
     * {@code Connection.addHandlerLast} may be removed when the channel operations terminate, which is before the
     * close this handler has to hold back.
     */
    static LingeringClose install(Channel channel, Duration timeout) {
        LingeringClose handler = new LingeringClose(timeout);
        channel.pipeline().addBefore(NettyPipeline.ReactiveBridge, NAME, handler);
        return handler;
    }

    /** The next close is meant as a reset, like a network failure: no waiting for the client. */
    void abort() {
        abortive = true;
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof CloseWebSocketFrame) {
            closeFrameSent = true;
        }
        ctx.write(msg, promise);
    }

    @Override
    public void close(ChannelHandlerContext ctx, ChannelPromise promise) {
        ChannelPromise held = heldClose;
        if (held != null) {
            // Reactor Netty may ask more than once; all callers learn when the one real close is done.
            ctx.channel().closeFuture().addListener(closed -> promise.trySuccess());
            if (abortive) {
                closeNow(ctx);
            }
            return;
        }
        if (abortive || !closeFrameSent || peerCloseFrameSeen || !ctx.channel().isActive()) {
            ctx.close(promise);
            return;
        }
        heldClose = promise;
        deadline = ctx.executor().schedule(() -> closeNow(ctx), timeout.toNanos(), TimeUnit.NANOSECONDS);
        // Nobody upstream reads any more; without auto-read the client's bytes would pile up in the kernel.
        ctx.channel().config().setAutoRead(true);
        ctx.read();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof CloseWebSocketFrame) {
            peerCloseFrameSeen = true;
        }
        if (heldClose == null) {
            ctx.fireChannelRead(msg);
            return;
        }
        ReferenceCountUtil.release(msg);
        if (peerCloseFrameSeen) {
            closeNow(ctx);
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof ChannelInputShutdownEvent) {
            closeNow(ctx);
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (heldClose == null) {
            ctx.fireExceptionCaught(cause);
            return;
        }
        // A reset from a client that has already gone is the expected end of the wait, not an error.
        closeNow(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        closeNow(ctx);
        ctx.fireChannelInactive();
    }

    private void closeNow(ChannelHandlerContext ctx) {
        ChannelPromise held = heldClose;
        if (held == null) {
            return;
        }
        heldClose = null;
        ScheduledFuture<?> timer = deadline;
        if (timer != null) {
            timer.cancel(false);
        }
        ctx.close(held);
    }
}
