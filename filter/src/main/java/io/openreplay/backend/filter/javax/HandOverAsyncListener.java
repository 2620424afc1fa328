package io.openreplay.backend.filter.javax;

import io.openreplay.backend.ContextScope;
import io.openreplay.backend.SessionToken;
import io.openreplay.backend.filter.core.RequestBinding;
import javax.servlet.AsyncEvent;
import javax.servlet.AsyncListener;
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
    try (ContextScope ignored = RequestBinding.attach(token)) {
      delegate.onComplete(event);
    }
  }

  @Override
  public void onTimeout(AsyncEvent event) throws IOException {
    try (ContextScope ignored = RequestBinding.attach(token)) {
      delegate.onTimeout(event);
    }
  }

  @Override
  public void onError(AsyncEvent event) throws IOException {
    try (ContextScope ignored = RequestBinding.attach(token)) {
      delegate.onError(event);
    }
  }

  @Override
  public void onStartAsync(AsyncEvent event) throws IOException {
    try (ContextScope ignored = RequestBinding.attach(token)) {
      delegate.onStartAsync(event);
    }
  }
}
