package io.openreplay.backend.testkit.stackdriver;

import com.google.api.core.ApiFuture;
import com.google.api.core.ApiFutures;
import com.google.api.gax.batching.BatchingSettings;
import com.google.api.gax.batching.FlowController;
import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.grpc.GrpcTransportChannel;
import com.google.api.gax.retrying.RetrySettings;
import com.google.api.gax.rpc.FixedTransportChannelProvider;
import com.google.cloud.logging.LoggingOptions;
import com.google.cloud.logging.spi.v2.LoggingRpc;
import com.google.cloud.logging.v2.LoggingClient;
import com.google.cloud.logging.v2.LoggingSettings;
import com.google.logging.v2.CreateExclusionRequest;
import com.google.logging.v2.CreateLogMetricRequest;
import com.google.logging.v2.CreateSinkRequest;
import com.google.logging.v2.DeleteExclusionRequest;
import com.google.logging.v2.DeleteLogMetricRequest;
import com.google.logging.v2.DeleteLogRequest;
import com.google.logging.v2.DeleteSinkRequest;
import com.google.logging.v2.GetExclusionRequest;
import com.google.logging.v2.GetLogMetricRequest;
import com.google.logging.v2.GetSinkRequest;
import com.google.logging.v2.ListExclusionsRequest;
import com.google.logging.v2.ListExclusionsResponse;
import com.google.logging.v2.ListLogEntriesRequest;
import com.google.logging.v2.ListLogEntriesResponse;
import com.google.logging.v2.ListLogMetricsRequest;
import com.google.logging.v2.ListLogMetricsResponse;
import com.google.logging.v2.ListMonitoredResourceDescriptorsRequest;
import com.google.logging.v2.ListMonitoredResourceDescriptorsResponse;
import com.google.logging.v2.ListSinksRequest;
import com.google.logging.v2.ListSinksResponse;
import com.google.logging.v2.LogExclusion;
import com.google.logging.v2.LogMetric;
import com.google.logging.v2.LogSink;
import com.google.logging.v2.UpdateExclusionRequest;
import com.google.logging.v2.UpdateLogMetricRequest;
import com.google.logging.v2.UpdateSinkRequest;
import com.google.logging.v2.WriteLogEntriesRequest;
import com.google.logging.v2.WriteLogEntriesResponse;
import com.google.protobuf.Empty;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * The Cloud Logging RPC layer for a loopback receiver: writes go through the library's own generated client
 * ({@link LoggingClient}) over a plaintext gRPC channel to 127.0.0.1 that this object owns and closes.
 *
 * <p>Retries and batching are set up as the library's own gRPC layer sets them up, from the {@link LoggingOptions}:
 * so a receiver that fails sees the attempts Cloud Logging would see.
 *
 * <p>It exists because the library's own plaintext path (a {@code localhost} host or {@code NoCredentials}) closes
 * its channel as soon as it has built it, so nothing it writes ever arrives. Only writing is served: a loopback
 * receiver holds log entries, not sinks, metrics or exclusions, and every other call fails with
 * {@link UnsupportedOperationException}.
 */
final class LoopbackLoggingRpc implements LoggingRpc {

  private final ManagedChannel channel;
  private final LoggingClient client;

  LoopbackLoggingRpc(LoggingOptions options, int port) throws IOException {
    channel = Grpc.newChannelBuilderForAddress("127.0.0.1", port, InsecureChannelCredentials.create()).build();
    try {
      LoggingSettings.Builder settings = LoggingSettings.newBuilder()
          .setCredentialsProvider(NoCredentialsProvider.create())
          .setTransportChannelProvider(FixedTransportChannelProvider.create(GrpcTransportChannel.create(channel)));
      // As the library's own GrpcLoggingRpc: the options' retry settings on every call, writes included, and the
      // options' batching (or the client's default) with a flow control that blocks once its limits are reached.
      RetrySettings retries = options.getRetrySettings();
      settings.applyToAllUnaryMethods(method -> {
        method.setRetrySettings(retries);
        return null;
      });
      BatchingSettings batching = options.getBatchingSettings() != null ? options.getBatchingSettings()
          : settings.writeLogEntriesSettings().getBatchingSettings();
      settings.writeLogEntriesSettings().setBatchingSettings(batching.toBuilder()
          .setFlowControlSettings(batching.getFlowControlSettings().toBuilder()
              .setLimitExceededBehavior(FlowController.LimitExceededBehavior.Block).build())
          .build());
      client = LoggingClient.create(settings.build());
    } catch (IOException | RuntimeException e) {
      channel.shutdownNow();
      throw e;
    }
  }

  @Override
  public ApiFuture<WriteLogEntriesResponse> write(WriteLogEntriesRequest request) {
    return client.writeLogEntriesCallable().futureCall(request);
  }

  @Override
  public void close() throws InterruptedException {
    client.close();
    channel.shutdown();
    client.awaitTermination(5, TimeUnit.SECONDS);
    if (!channel.awaitTermination(5, TimeUnit.SECONDS)) {
      channel.shutdownNow();
    }
  }

  private static <T> ApiFuture<T> notServed(String call) {
    return ApiFutures.immediateFailedFuture(new UnsupportedOperationException(
        "the loopback Cloud Logging receiver serves WriteLogEntries only, not " + call));
  }

  @Override
  public ApiFuture<LogSink> create(CreateSinkRequest request) {
    return notServed("CreateSink");
  }

  @Override
  public ApiFuture<LogSink> update(UpdateSinkRequest request) {
    return notServed("UpdateSink");
  }

  @Override
  public ApiFuture<LogSink> get(GetSinkRequest request) {
    return notServed("GetSink");
  }

  @Override
  public ApiFuture<ListSinksResponse> list(ListSinksRequest request) {
    return notServed("ListSinks");
  }

  @Override
  public ApiFuture<Empty> delete(DeleteSinkRequest request) {
    return notServed("DeleteSink");
  }

  @Override
  public ApiFuture<Empty> delete(DeleteLogRequest request) {
    return notServed("DeleteLog");
  }

  @Override
  public ApiFuture<ListLogEntriesResponse> list(ListLogEntriesRequest request) {
    return notServed("ListLogEntries");
  }

  @Override
  public ApiFuture<ListMonitoredResourceDescriptorsResponse> list(ListMonitoredResourceDescriptorsRequest request) {
    return notServed("ListMonitoredResourceDescriptors");
  }

  @Override
  public ApiFuture<LogMetric> create(CreateLogMetricRequest request) {
    return notServed("CreateLogMetric");
  }

  @Override
  public ApiFuture<LogMetric> update(UpdateLogMetricRequest request) {
    return notServed("UpdateLogMetric");
  }

  @Override
  public ApiFuture<LogMetric> get(GetLogMetricRequest request) {
    return notServed("GetLogMetric");
  }

  @Override
  public ApiFuture<ListLogMetricsResponse> list(ListLogMetricsRequest request) {
    return notServed("ListLogMetrics");
  }

  @Override
  public ApiFuture<Empty> delete(DeleteLogMetricRequest request) {
    return notServed("DeleteLogMetric");
  }

  @Override
  public ApiFuture<LogExclusion> create(CreateExclusionRequest request) {
    return notServed("CreateExclusion");
  }

  @Override
  public ApiFuture<LogExclusion> get(GetExclusionRequest request) {
    return notServed("GetExclusion");
  }

  @Override
  public ApiFuture<LogExclusion> update(UpdateExclusionRequest request) {
    return notServed("UpdateExclusion");
  }

  @Override
  public ApiFuture<ListExclusionsResponse> list(ListExclusionsRequest request) {
    return notServed("ListExclusions");
  }

  @Override
  public ApiFuture<Empty> delete(DeleteExclusionRequest request) {
    return notServed("DeleteExclusion");
  }
}
