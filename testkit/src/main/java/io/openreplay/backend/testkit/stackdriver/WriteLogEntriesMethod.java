package io.openreplay.backend.testkit.stackdriver;

import com.google.logging.v2.WriteLogEntriesRequest;
import com.google.logging.v2.WriteLogEntriesResponse;
import io.grpc.MethodDescriptor;
import io.grpc.protobuf.ProtoUtils;

/**
 * The one gRPC method of Cloud Logging that an appender calls, {@code google.logging.v2.LoggingServiceV2/WriteLogEntries},
 * described from the protobuf messages alone (the generated gRPC service classes are not needed).
 */
public final class WriteLogEntriesMethod {

  /** The gRPC service that holds the method. */
  public static final String SERVICE_NAME = "google.logging.v2.LoggingServiceV2";

  /** The unary method {@code WriteLogEntries}, with protobuf marshallers for its request and response. */
  public static final MethodDescriptor<WriteLogEntriesRequest, WriteLogEntriesResponse> DESCRIPTOR =
      MethodDescriptor.<WriteLogEntriesRequest, WriteLogEntriesResponse>newBuilder()
          .setType(MethodDescriptor.MethodType.UNARY)
          .setFullMethodName(MethodDescriptor.generateFullMethodName(SERVICE_NAME, "WriteLogEntries"))
          .setRequestMarshaller(ProtoUtils.marshaller(WriteLogEntriesRequest.getDefaultInstance()))
          .setResponseMarshaller(ProtoUtils.marshaller(WriteLogEntriesResponse.getDefaultInstance()))
          .build();

  private WriteLogEntriesMethod() {
  }
}
