/**
 * Work handed to the JDK's executors and fork-join pools during a request runs with the request's token, which
 * rides beside the application's task and never replaces it.
 */
package io.openreplay.backend.agent.instrumentation.executors;
