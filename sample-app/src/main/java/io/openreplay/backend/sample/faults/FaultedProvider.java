package io.openreplay.backend.sample.faults;

import io.openreplay.backend.testkit.cloudwatch.CloudWatchLogsReceiver;
import io.openreplay.backend.testkit.datadog.DatadogReceiver;
import io.openreplay.backend.testkit.dynatrace.DynatraceReceiver;
import io.openreplay.backend.testkit.fault.Fault;
import io.openreplay.backend.testkit.fault.FaultyEndpoint;
import io.openreplay.backend.testkit.rollbar.RollbarReceiver;
import io.openreplay.backend.testkit.sentry.SentryReceiver;
import io.openreplay.backend.testkit.stackdriver.StackdriverReceiver;
import io.openreplay.backend.sample.demo.ChildSettings;
import java.io.IOException;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The providers the sample app sends to over the network, each with the loopback endpoint of a fault: the testkit's
 * receiver when it is up (or, for Cloud Logging's and Dynatrace's 5xx and 429, the receiver answering them), else a
 * {@link FaultyEndpoint}. Elasticsearch, and Datadog and Dynatrace through their agents, are files the app writes:
 * an outage of the provider reaches the shipper, never the app, so they have no run here.
 */
enum FaultedProvider {

  SENTRY("Sentry") {
    @Override
    ProviderOutage start(Fault fault) throws IOException {
      return receiverOrFaulty(fault, () -> {
        SentryReceiver receiver = SentryReceiver.start();
        return new Address(receiver, receiver.dsn());
      }, 200, "{\"id\": \"00000000000000000000000000000000\"}",
          endpoint -> "http://" + SentryReceiver.PUBLIC_KEY + "@127.0.0.1:" + endpoint.port() + "/"
              + SentryReceiver.PROJECT_ID,
          (child, dsn) -> child.env("SENTRY_DSN", dsn));
    }
  },

  ROLLBAR("Rollbar") {
    @Override
    ProviderOutage start(Fault fault) throws IOException {
      return receiverOrFaulty(fault, () -> {
        RollbarReceiver receiver = RollbarReceiver.start();
        return new Address(receiver, receiver.endpoint());
      }, 200, "{\"err\": 0, \"result\": {\"id\": null, \"uuid\": \"0\"}}",
          endpoint -> endpoint.baseUrl() + "/api/1/item/",
          (child, endpoint) -> child.env("ROLLBAR_ACCESS_TOKEN", RollbarReceiver.ACCESS_TOKEN)
              .env("ROLLBAR_ENDPOINT", endpoint));
    }
  },

  CLOUD_LOGGING("Cloud Logging") {
    @Override
    ProviderOutage start(Fault fault) throws IOException {
      if (fault == Fault.REFUSED || fault == Fault.NEVER_ANSWERS) {
        FaultyEndpoint endpoint = FaultyEndpoint.start(fault, 200, "{}");
        return new ProviderOutage(child -> child.property("openreplay.demo.cloudLoggingPort",
            Integer.toString(endpoint.port())), endpoint);
      }
      StackdriverReceiver receiver = StackdriverReceiver.start();
      receiver.failWith(fault);
      return new ProviderOutage(child -> child.property("openreplay.demo.cloudLoggingPort",
          Integer.toString(receiver.port())), receiver);
    }
  },

  CLOUDWATCH("CloudWatch") {
    @Override
    ProviderOutage start(Fault fault) throws IOException {
      return receiverOrFaulty(fault, () -> {
        CloudWatchLogsReceiver receiver = CloudWatchLogsReceiver.start();
        return new Address(receiver, receiver.endpoint().toString());
      }, 200, "{}", FaultyEndpoint::baseUrl,
          (child, endpoint) -> child.env("AWS_REGION", "eu-west-1").env("CLOUDWATCH_LOG_GROUP", "/sample-app/faults")
              .env("CLOUDWATCH_ENDPOINT", endpoint).env("AWS_ACCESS_KEY_ID", "AKIDLOOPBACK")
              .env("AWS_SECRET_ACCESS_KEY", "loopback-secret"));
    }
  },

  DATADOG_TCP("Datadog (TCP intake)") {
    @Override
    Set<Fault> faults() {
      return Set.of(Fault.REFUSED, Fault.NEVER_ANSWERS);
    }

    @Override
    ProviderOutage start(Fault fault) throws IOException {
      return receiverOrFaulty(fault, () -> {
        DatadogReceiver receiver = DatadogReceiver.start();
        return new Address(receiver, "127.0.0.1:" + receiver.tcpPort());
      }, 200, "{}", endpoint -> "127.0.0.1:" + endpoint.port(),
          (child, destination) -> child.env("DD_LOGS_DESTINATION", destination)
              .env("DD_API_KEY", DatadogReceiver.API_KEY).env("DD_LOGS_SSL", "false"));
    }
  },

  DYNATRACE("Dynatrace (ingest API)") {
    @Override
    ProviderOutage start(Fault fault) throws IOException {
      String url;
      AutoCloseable server;
      if (fault == null || fault == Fault.SERVER_ERROR || fault == Fault.THROTTLED) {
        DynatraceReceiver receiver = DynatraceReceiver.start();
        if (fault != null) {
          receiver.answerIngestWith(fault.httpStatus());
        }
        url = receiver.ingestUrl();
        server = receiver;
      } else {
        FaultyEndpoint faulty = FaultyEndpoint.start(fault, 204, "");
        url = faulty.baseUrl() + DynatraceReceiver.INGEST_PATH;
        server = faulty;
      }
      return new ProviderOutage(child -> child.env("DT_LOGS_INGEST_URL", url)
          .env("DT_API_TOKEN", DynatraceReceiver.API_TOKEN), server);
    }
  };

  private final String label;

  FaultedProvider(String label) {
    this.label = label;
  }

  /**
   * @return the provider's name in the table
   */
  String label() {
    return label;
  }

  /**
   * @return the faults that apply to this provider's protocol (all, for HTTP and gRPC)
   */
  Set<Fault> faults() {
    return Set.of(Fault.values());
  }

  /** A started server and the address the app is given for it. */
  private record Address(AutoCloseable server, String address) {
  }

  /** Starts a provider's receiver. */
  private interface ReceiverStart {
    Address start() throws IOException;
  }

  /**
   * The receiver when the provider is up, else a {@link FaultyEndpoint} failing so; the app gets the address.
   */
  private static ProviderOutage receiverOrFaulty(Fault fault, ReceiverStart up, int slowStatus, String slowBody,
      Function<FaultyEndpoint, String> faultyAddress, BiConsumer<ChildSettings, String> settings)
      throws IOException {
    Address at;
    if (fault == null) {
      at = up.start();
    } else {
      FaultyEndpoint endpoint = FaultyEndpoint.start(fault, slowStatus, slowBody);
      at = new Address(endpoint, faultyAddress.apply(endpoint));
    }
    return new ProviderOutage(child -> settings.accept(child, at.address()), at.server());
  }

  /**
   * Starts the loopback servers of one run.
   *
   * @param fault the fault, or {@code null} for the provider up
   * @return the servers and the settings pointing the app at them
   * @throws IOException when a server cannot be started
   */
  abstract ProviderOutage start(Fault fault) throws IOException;
}
