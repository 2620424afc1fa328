/** Work handed to the JDK's executors and fork-join pools during a request runs with the request's token. */
package io.openreplay.backend.agent.instrumentation.executors;
