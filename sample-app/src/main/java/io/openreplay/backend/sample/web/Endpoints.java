package io.openreplay.backend.sample.web;

import java.util.concurrent.ExecutorService;
import org.eclipse.jetty.ee10.servlet.ErrorPageErrorHandler;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;

/**
 * The paths the sample application serves, all under {@code GET}:
 * <ul>
 *   <li>{@value #HELLO}: succeeds, logs one INFO line;</li>
 *   <li>{@value #LOG_ERROR}: logs an ERROR and answers 500;</li>
 *   <li>{@value #THROW}: throws an exception to the container, whose error page ({@value #ERROR_PAGE}) logs it at
 *       ERROR and answers 500;</li>
 *   <li>{@value #TASK}: hands a job to a worker pool started before any request; the job fails and logs the
 *       failure at ERROR on the worker thread; the request answers 500.</li>
 * </ul>
 */
public final class Endpoints {

  /** The path that succeeds. */
  public static final String HELLO = "/hello";

  /** The path that logs an error. */
  public static final String LOG_ERROR = "/log-error";

  /** The path that throws an exception. */
  public static final String THROW = "/throw";

  /** The path whose worker-pool task fails. */
  public static final String TASK = "/task";

  /** The error page for uncaught exceptions. */
  public static final String ERROR_PAGE = "/error";

  private Endpoints() {
  }

  /**
   * @param workers the pool that runs the jobs of {@value #TASK}
   * @return the servlet context serving every path at the root
   */
  public static ServletContextHandler context(ExecutorService workers) {
    ServletContextHandler context = new ServletContextHandler();
    context.setContextPath("/");
    context.addServlet(new ServletHolder("hello", new HelloServlet()), HELLO);
    context.addServlet(new ServletHolder("log-error", new LogErrorServlet()), LOG_ERROR);
    context.addServlet(new ServletHolder("throw", new ThrowServlet()), THROW);
    context.addServlet(new ServletHolder("task", new FailingTaskServlet(workers)), TASK);
    context.addServlet(new ServletHolder("error-page", new ErrorPageServlet()), ERROR_PAGE);
    ErrorPageErrorHandler errors = new ErrorPageErrorHandler();
    errors.addErrorPage(Throwable.class, ERROR_PAGE);
    context.setErrorHandler(errors);
    return context;
  }
}
