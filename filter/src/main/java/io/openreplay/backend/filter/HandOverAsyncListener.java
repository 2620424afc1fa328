package io.openreplay.backend.filter;

import io.openreplay.backend.ContextScope;
import io.openreplay.backend.SessionToken;
import io.openreplay.backend.filter.core.AttachOnce;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import java.io.IOException;

/** An application's {@link AsyncListener}, called with the request's token on whichever thread the container uses. */
final class HandOverAsyncListener implements AsyncListener {

  private final AsyncListener delegate;
  private final SessionToken token;

  HandOverAsyncListener(AsyncListener delegate, SessionToken token) {
    this.delegate = delegate;
    this.token = token;
  }

  @Override
  public void onComplete(AsyncEvent event) throws IOException {
    withToken(AsyncListener::onComplete, event);
  }

  @Override
  public void onTimeout(AsyncEvent event) throws IOException {
    withToken(AsyncListener::onTimeout, event);
  }

  @Override
  public void onError(AsyncEvent event) throws IOException {
    withToken(AsyncListener::onError, event);
  }

  @Override
  public void onStartAsync(AsyncEvent event) throws IOException {
    withToken(AsyncListener::onStartAsync, event);
  }

  private void withToken(Notification notification, AsyncEvent event) throws IOException {
    try (ContextScope ignored = AttachOnce.attach(token)) {
      notification.send(delegate, event);
    }
  }

  /** One of the listener's methods. */
  @FunctionalInterface
  private interface Notification {
    void send(AsyncListener listener, AsyncEvent event) throws IOException;
  }
}
