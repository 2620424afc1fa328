package io.openreplay.backend.webflux;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpRequest;
import io.openreplay.backend.OutboundHeader;

/**
 * A Netty handler, put on a connection for one request, that takes the token header off that request as it is
 * written (after Spring's connector has set its headers), when it carries the value the filter added; then leaves
 * the connection.
 */
final class TokenHeaderRemoval extends ChannelOutboundHandlerAdapter {

  /** The handler's name on the connection. */
  static final String NAME = "openreplay.tokenHeaderRemoval";

  private final String addedValue;

  /**
   * @param addedValue the value {@link OpenReplayExchangeFilterFunction} added, the only one taken off
   */
  TokenHeaderRemoval(String addedValue) {
    this.addedValue = addedValue;
  }

  @Override
  public void write(ChannelHandlerContext context, Object message, ChannelPromise promise) throws Exception {
    if (message instanceof HttpRequest) {
      HttpRequest request = (HttpRequest) message;
      if (addedValue.equals(request.headers().get(OutboundHeader.NAME))) {
        request.headers().remove(OutboundHeader.NAME);
      }
      context.pipeline().remove(this);
    }
    super.write(context, message, promise);
  }
}
