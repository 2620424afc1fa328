/**
 * What every loopback receiver of the testkit is built on: {@link io.openreplay.backend.testkit.receiver.LoopbackHttpServer}
 * serves an HTTP endpoint on 127.0.0.1 with named daemon threads,
 * {@link io.openreplay.backend.testkit.receiver.HttpBodies} reads a request body and writes an answer, and
 * {@link io.openreplay.backend.testkit.receiver.ReceivedItems} keeps what a receiver took in and what it refused, with
 * waits bounded by a timeout.
 */
package io.openreplay.backend.testkit.receiver;
