package io.openreplay.backend.filter.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.Wrapper;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;
import org.apache.tomcat.util.scan.StandardJarScanner;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * An embedded Tomcat on 127.0.0.1 and an ephemeral port. Written only against the API Tomcat 9 (javax) and Tomcat
 * 10.1 (jakarta) share, with class names as strings, so that the javax tests run it on Tomcat 9.
 */
public final class EmbeddedTomcat implements AutoCloseable {

  private final Tomcat tomcat;
  private final Context context;

  private EmbeddedTomcat(Tomcat tomcat, Context context) {
    this.tomcat = tomcat;
    this.context = context;
  }

  /** Sends Tomcat's java.util.logging output into SLF4J (logback), as jul-to-slf4j users do. */
  public static void bridgeJulToSlf4j() {
    if (!SLF4JBridgeHandler.isInstalled()) {
      SLF4JBridgeHandler.removeHandlersForRootLogger();
      SLF4JBridgeHandler.install();
    }
  }

  private static Tomcat tomcat(Path baseDir) {
    bridgeJulToSlf4j();
    Tomcat tomcat = new Tomcat();
    tomcat.setBaseDir(baseDir.toString());
    tomcat.setPort(0);
    tomcat.getConnector().setProperty("address", "127.0.0.1");
    return tomcat;
  }

  /** A context configured only through this API (no web.xml, no discovery). */
  public static EmbeddedTomcat plain(Path baseDir) {
    Tomcat tomcat = tomcat(baseDir);
    return new EmbeddedTomcat(tomcat, tomcat.addContext("", null));
  }

  /**
   * A web application deployed like a WAR: reads {@code WEB-INF/web.xml} (written from {@code webXmlBody}, the
   * content of {@code <web-app>}) and runs the container's ServletContainerInitializer discovery.
   */
  public static EmbeddedTomcat webapp(Path baseDir, String webXmlBody) throws IOException {
    Path docBase = Files.createDirectories(baseDir.resolve("webapp"));
    Files.createDirectories(docBase.resolve("WEB-INF"));
    Files.writeString(docBase.resolve("WEB-INF/web.xml"), """
        <?xml version="1.0" encoding="UTF-8"?>
        <web-app xmlns="http://xmlns.jcp.org/xml/ns/javaee" version="4.0">
        %s
        </web-app>
        """.formatted(webXmlBody), StandardCharsets.UTF_8);
    Tomcat tomcat = tomcat(baseDir);
    tomcat.setAddDefaultWebXmlToWebapp(false);
    Context context = tomcat.addWebapp("", docBase.toString());
    // logback-classic's own ServletContainerInitializer would stop the shared LoggerContext when the test's web
    // application stops, resetting the configuration for every later test in this JVM.
    context.addParameter("logbackDisableServletContainerInitializer", "true");
    ((StandardJarScanner) context.getJarScanner()).setScanClassPath(false);
    return new EmbeddedTomcat(tomcat, context);
  }

  /** Adds an asynchronous servlet. */
  public EmbeddedTomcat servlet(String name, String className, String pattern) {
    Wrapper wrapper = Tomcat.addServlet(context, name, className);
    wrapper.setAsyncSupported(true);
    context.addServletMappingDecoded(pattern, name);
    return this;
  }

  /** Adds an asynchronous filter on {@code /*} for the given dispatcher types, after those added before. */
  public EmbeddedTomcat filter(String name, String className, Map<String, String> initParameters,
      String... dispatchers) {
    FilterDef def = new FilterDef();
    def.setFilterName(name);
    def.setFilterClass(className);
    def.setAsyncSupported("true");
    initParameters.forEach(def::addInitParameter);
    context.addFilterDef(def);
    FilterMap map = new FilterMap();
    map.setFilterName(name);
    map.addURLPattern("/*");
    for (String dispatcher : dispatchers) {
      map.setDispatcher(dispatcher);
    }
    context.addFilterMap(map);
    return this;
  }

  /** Adds an application listener by class name (what a web.xml {@code <listener>} does). */
  public EmbeddedTomcat listener(String className) {
    context.addApplicationListener(className);
    return this;
  }

  public EmbeddedTomcat start() throws LifecycleException {
    tomcat.start();
    return this;
  }

  public int port() {
    return tomcat.getConnector().getLocalPort();
  }

  public Context context() {
    return context;
  }

  /** The class names of the context's filters, by filter name. */
  public Map<String, String> filterClasses() {
    Map<String, String> classes = new java.util.TreeMap<>();
    for (FilterDef def : context.findFilterDefs()) {
      classes.put(def.getFilterName(), def.getFilterClass());
    }
    return classes;
  }

  @Override
  public void close() throws LifecycleException {
    tomcat.stop();
    tomcat.destroy();
  }
}
