/**
 * JBoss LogManager (WildFly, Quarkus): a record's MDC carries both keys while a token is current, and its message
 * rendered by the library's formatters gets the prefix, once, for WARN and above by default.
 */
package io.openreplay.backend.agent.instrumentation.jbosslogmanager;
