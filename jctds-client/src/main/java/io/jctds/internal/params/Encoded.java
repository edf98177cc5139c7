package io.jctds.internal.params;

import io.jctds.protocol.rpc.PlpSource;
import io.jctds.protocol.rpc.RpcParameter;
import io.jctds.protocol.type.TypeInfo;

/**
 * One encoded parameter value.
 *
 * @param typeInfo the TYPE_INFO sent
 * @param value the value as sent (TYPE_VARBYTE, length prefix included); empty when streamed
 * @param stream the source of a streamed (max) value, else null
 * @param declaration the type as declared in sp_executesql's {@code @params}, e.g. {@code
 *     nvarchar(4000)}
 */
public record Encoded(TypeInfo typeInfo, byte[] value, PlpSource stream, String declaration) {

  /** The RPC parameter named {@code name} (empty for positional), OUTPUT if {@code output}. */
  public RpcParameter parameter(String name, boolean output) {
    int status = output ? RpcParameter.BY_REF : 0;
    return stream != null
        ? RpcParameter.streamed(name, status, typeInfo, stream)
        : new RpcParameter(name, status, typeInfo, value);
  }
}
