/** The agent's settings, read from system properties {@code openreplay.*} and environment variables {@code OPENREPLAY_*}. */
package io.openreplay.backend.agent.config;
