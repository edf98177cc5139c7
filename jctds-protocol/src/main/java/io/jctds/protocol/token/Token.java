package io.jctds.protocol.token;

import io.jctds.protocol.TdsVersion;
import io.jctds.protocol.TdsWriter;

/**
 * One token of a tabular result stream ([MS-TDS] 2.2.7). Each token knows its type byte and how to
 * encode itself (type byte included); {@link TokenDecoder} reads them. Switch over the permitted
 * types to handle a response.
 */
public sealed interface Token
    permits LoginAck,
        EnvChange,
        ServerMessage,
        Done,
        FeatureExtAck,
        ReturnStatus,
        ColMetadata,
        Row,
        Order,
        ReturnValue,
        OpaqueToken {

  /** The token type byte, see {@link TokenType}. */
  int type();

  /**
   * Writes the token, type byte first.
   *
   * @param version decides the version-dependent fields (row counts, user types, line numbers)
   */
  void encode(TdsWriter out, TdsVersion version);
}
