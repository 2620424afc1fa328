/**
 * {@code java.util.logging}, the JDK's own logging and Tomcat's default: a record made while a token is current keeps
 * it beside the record, and its rendered message ({@code Formatter.formatMessage}) gets the prefix, for records of
 * level {@code WARNING} and above by default, also when an asynchronous handler renders it on another thread.
 */
package io.openreplay.backend.agent.instrumentation.jul;
