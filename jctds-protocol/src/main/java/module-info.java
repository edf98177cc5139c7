/** The TDS wire format shared by the jctds client and server: no I/O, no dependencies. */
module io.jctds.protocol {
  exports io.jctds.protocol;
  exports io.jctds.protocol.framing;
  exports io.jctds.protocol.prelogin;
  exports io.jctds.protocol.login;
  exports io.jctds.protocol.token;
  exports io.jctds.protocol.type;
  exports io.jctds.protocol.batch;
  exports io.jctds.protocol.bulk;
  exports io.jctds.protocol.rpc;
  exports io.jctds.protocol.tls;
  exports io.jctds.protocol.tls.spi;
  exports io.jctds.protocol.ntlm;
}
