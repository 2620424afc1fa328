package io.openreplay.backend.readme.java;

import io.openreplay.backend.readme.CodeBlock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each Java block of the README goes in a user's code: the imports of the types it names, and the variables
 * it uses without declaring them (a user has their own). Blocks are told apart by how they start; a block this
 * table does not know fails its test, so that every new block gets a place here.
 */
final class JavaBlockContexts {

  /**
   * How one block is compiled.
   *
   * @param start how the block starts
   * @param imports the imports of the types it names
   * @param declarations fields for the variables it uses without declaring them; {@code null} when the block is a
   *     whole class
   * @param helpers other classes the block refers to (a user's own), as name and text
   */
  record Context(String start, List<String> imports, String declarations, Map<String, String> helpers) {

    /**
     * @param block the block's text
     * @return the compilation units: class name and source text
     */
    Map<String, String> files(String block) {
      Map<String, String> files = new LinkedHashMap<>();
      StringBuilder head = new StringBuilder("package readme.blocks;\n\n");
      imports.forEach(type -> head.append("import ").append(type).append(";\n"));
      head.append('\n');
      if (declarations == null) {
        String name = block.substring(block.indexOf("class ") + 6).split("[ <{]")[0];
        files.put(name, head + block);
      } else {
        files.put("Block", head + "class Block {\n" + declarations + "\n  void run() throws Exception {\n" + block
            + "  }\n}\n");
      }
      helpers.forEach((name, text) -> files.put(name, "package readme.blocks;\n\n" + text));
      return files;
    }
  }

  private static final List<Context> CONTEXTS = List.of(
      new Context("Sentry.init(", List.of("io.sentry.Sentry"), "", Map.of()),
      new Context("Rollbar rollbar = new Rollbar(", List.of("com.rollbar.notifier.Rollbar",
          "com.rollbar.notifier.config.ConfigBuilder", "io.openreplay.backend.rollbar.OpenReplayRollbar"), "",
          Map.of()),
      new Context("SLF4JBridgeHandler.", List.of("org.slf4j.bridge.SLF4JBridgeHandler"), "", Map.of()),
      new Context("FilterRegistration.Dynamic filter", List.of("jakarta.servlet.DispatcherType",
          "jakarta.servlet.FilterRegistration", "jakarta.servlet.ServletContext", "java.util.EnumSet",
          "io.openreplay.backend.filter.OpenReplayFilter", "io.openreplay.backend.filter.OpenReplayRequestListener"),
          "  ServletContext servletContext;", Map.of()),
      new Context("Optional<SessionToken> token = SessionToken.parse(headerValue);", List.of("java.util.Optional",
          "io.openreplay.backend.ContextScope", "io.openreplay.backend.OpenReplayContext",
          "io.openreplay.backend.SessionToken", "org.slf4j.Logger"),
          "  String headerValue;\n  Logger log;\n  Exception e;", Map.of()),
      new Context("ExecutorService pool = OpenReplayContext.wrap(", List.of("java.util.concurrent.CompletableFuture",
          "java.util.concurrent.Executor", "java.util.concurrent.ExecutorService", "java.util.concurrent.Executors",
          "io.openreplay.backend.OpenReplayContext", "org.slf4j.Logger"),
          "  Logger log;\n  Runnable task;\n  Executor someExecutor;\n  Runnable runnable;", Map.of()),
      new Context("HttpClient client = OpenReplayHttpClient.wrap(", List.of("java.net.http.HttpClient",
          "io.openreplay.backend.httpclient.OpenReplayHttpClient"), "", Map.of()),
      new Context("OpenReplayRequestInterceptor openReplay = ", List.of(
          "org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient",
          "org.apache.hc.client5.http.impl.async.HttpAsyncClients",
          "org.apache.hc.client5.http.impl.classic.CloseableHttpClient",
          "org.apache.hc.client5.http.impl.classic.HttpClients",
          "io.openreplay.backend.httpclient5.OpenReplayRequestInterceptor"), "", Map.of()),
      new Context("OkHttpClient client = new OkHttpClient.Builder()", List.of("okhttp3.OkHttpClient",
          "io.openreplay.backend.okhttp.OpenReplayInterceptor"), "", Map.of()),
      new Context("client.newCall(new Request.Builder()", List.of("okhttp3.Callback", "okhttp3.OkHttpClient",
          "okhttp3.Request", "io.openreplay.backend.OpenReplayContext", "io.openreplay.backend.SessionToken"),
          "  OkHttpClient client;\n  String url;\n  Callback callback;", Map.of()),
      new Context("public final class MyBinding implements AttachListener", List.of(
          "io.openreplay.backend.SessionToken", "io.openreplay.backend.spi.AttachListener"), null,
          Map.of("MyProvider", "import io.openreplay.backend.SessionToken;\n\n"
              + "/** The user's own provider of the README's example. */\n"
              + "final class MyProvider {\n"
              + "  static Object pushTag(SessionToken token) {\n    return null;\n  }\n\n"
              + "  static void restore(Object previous) {\n  }\n}\n")));

  private JavaBlockContexts() {
  }

  /**
   * @param block a Java block of the README
   * @return how it is compiled
   */
  static Context of(CodeBlock block) {
    return CONTEXTS.stream().filter(context -> block.text().startsWith(context.start())).findFirst()
        .orElseThrow(() -> new AssertionError(block.where() + ": a Java block JavaBlockContexts does not know: give it"
            + " its imports and free variables there"));
  }
}
