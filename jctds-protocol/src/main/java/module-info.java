/** The TDS wire format shared by the jctds client and server: no I/O, no dependencies. */
module io.jctds.protocol {
  exports io.jctds.protocol;
  exports io.jctds.protocol.framing;
}
