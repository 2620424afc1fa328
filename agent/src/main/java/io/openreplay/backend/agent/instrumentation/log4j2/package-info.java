/**
 * Log4j 2: an event made while a token is current carries both keys in its own context data, which travels with the
 * event to every appender (asynchronous appenders and loggers included), and the events the prefix mode selects get
 * the message prefix in a pattern layout's {@code %m}, in {@code JsonTemplateLayout}'s {@code message}, in the
 * message of {@code JsonLayout}, {@code XmlLayout} and {@code YamlLayout} and in {@code GelfLayout}'s
 * {@code short_message}.
 */
package io.openreplay.backend.agent.instrumentation.log4j2;
