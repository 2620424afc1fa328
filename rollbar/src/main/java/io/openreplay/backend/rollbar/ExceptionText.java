package io.openreplay.backend.rollbar;

import com.rollbar.api.payload.data.body.ExceptionInfo;
import com.rollbar.api.payload.data.body.Frame;
import com.rollbar.api.payload.data.body.Trace;
import com.rollbar.api.payload.data.body.TraceChain;
import java.util.List;

/**
 * An exception item's trace written out as Java prints a stack trace (most recent call first, causes as
 * {@code Caused by:}), preceded by the logged message: the text of the message item it becomes when exceptions are
 * sent as messages.
 */
final class ExceptionText {

  private ExceptionText() {
  }

  /**
   * @param trace one exception
   * @return its text
   */
  static String of(Trace trace) {
    StringBuilder text = new StringBuilder(1024);
    appendDescription(text, trace);
    appendTrace(text, trace, "");
    return text.toString();
  }

  /**
   * @param chain an exception and its causes, outermost first (as rollbar-java builds it)
   * @return its text
   */
  static String of(TraceChain chain) {
    StringBuilder text = new StringBuilder(2048);
    List<Trace> traces = chain.getTraces();
    if (traces == null || traces.isEmpty()) {
      return "";
    }
    appendDescription(text, traces.get(0));
    for (int i = 0; i < traces.size(); i++) {
      appendTrace(text, traces.get(i), i == 0 ? "" : "Caused by: ");
    }
    return text.toString();
  }

  private static void appendDescription(StringBuilder text, Trace trace) {
    ExceptionInfo info = trace.getException();
    if (info != null && info.getDescription() != null && !info.getDescription().isEmpty()) {
      text.append(info.getDescription()).append('\n');
    }
  }

  private static void appendTrace(StringBuilder text, Trace trace, String lead) {
    text.append(lead);
    ExceptionInfo info = trace.getException();
    if (info != null) {
      text.append(info.getClassName());
      if (info.getMessage() != null) {
        text.append(": ").append(info.getMessage());
      }
    }
    text.append('\n');
    List<Frame> frames = trace.getFrames();
    if (frames == null) {
      return;
    }
    for (int i = frames.size() - 1; i >= 0; i--) {
      appendFrame(text, frames.get(i));
    }
  }

  private static void appendFrame(StringBuilder text, Frame frame) {
    text.append("\tat ");
    if (frame.getClassName() != null) {
      text.append(frame.getClassName()).append('.');
    }
    text.append(frame.getMethod()).append('(');
    if (frame.getFilename() == null) {
      text.append("Unknown Source");
    } else {
      text.append(frame.getFilename());
      if (frame.getLineNumber() != null && frame.getLineNumber() >= 0) {
        text.append(':').append(frame.getLineNumber());
      }
    }
    text.append(")\n");
  }
}
