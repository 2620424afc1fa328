package io.openreplay.backend.sample.demo;

import java.time.Instant;
import java.util.List;

/**
 * One provider in the demo: its loopback receiver, the settings that point the sample application at it, and
 * OpenReplay's lookup on what it received.
 */
interface ProviderStation extends AutoCloseable {

  /**
   * @return the provider
   */
  Provider provider();

  /**
   * Starts the receiver on 127.0.0.1. A slow receiver may go on starting in the background until {@link #check}.
   *
   * @throws Exception when it cannot start
   */
  void start() throws Exception;

  /**
   * @return where the receiver listens, e.g. {@code http://127.0.0.1:PORT}, or what it is doing instead
   */
  String address();

  /** Takes the receiver down, so that everything the sample application sends it fails: the demo's break switch. */
  void breakReceiver();

  /**
   * Points the sample application at the receiver.
   *
   * @param settings the sample application's settings
   */
  void configure(ChildSettings settings);

  /**
   * Runs OpenReplay's lookups on what the receiver holds, once the sample application has stopped.
   *
   * @param sessions the sessions the demo sent
   * @param since when the demo's requests began
   * @return the provider's row
   * @throws Exception when the lookup cannot run
   */
  ProviderRow check(List<DemoSession> sessions, Instant since) throws Exception;

  /** Stops the receiver; safe to call more than once, and before {@link #start()} finished. */
  @Override
  void close();
}
