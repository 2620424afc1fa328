/**
 * The portable floor for any servlet container: the outermost {@code Servlet.service} or {@code Filter.doFilter}
 * of a request (jakarta and javax) opens the request scope, and {@code AsyncContext.start} hands the token over.
 */
package io.openreplay.backend.agent.instrumentation.servlet;
