/**
 * The OpenReplay {@code -javaagent}: attaches a request's OpenReplay session token, with no code change, wherever
 * the application's errors go (logback events, Sentry events, Rollbar items, work handed to other threads).
 *
 * <p>{@link io.openreplay.backend.agent.OpenReplayAgent} starts it; {@code bootstrap} holds the state every class
 * loader sees; {@code config} reads the settings; {@code instrumentation} has one package per library, each with
 * the types it matches and the advice woven into them.
 */
package io.openreplay.backend.agent;
