package io.jctds.protocol.tls;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.jctds.protocol.tls.TdsTlsTransport.Scope;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;

/**
 * Arbitrary bytes from a would-be client into a server's handshake, in both placements (the first
 * byte picks: even = PRELOGIN-wrapped, odd = TLS first): the only outcome allowed is {@link
 * TlsHandshakeException} (or, were the bytes a real client's, a handshake).
 */
class TdsTlsTransportFuzzTest {
  private static final JsseTlsContext SERVER = server();

  private static JsseTlsContext server() {
    try {
      return TlsTestSupport.serverContext("server");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  @FuzzTest(maxDuration = "60s")
  void serverHandshake(byte[] data) throws IOException {
    if (data.length == 0) {
      return;
    }
    Transport peer = new Scripted(ByteBuffer.wrap(data, 1, data.length - 1));
    try {
      TdsTlsTransport transport =
          (data[0] & 1) == 0
              ? TdsTlsTransport.handshakeInPrelogin(
                  peer, SERVER.newServerEngine(TlsParameters.TDS7), Scope.WHOLE_CONNECTION)
              : TdsTlsTransport.handshakeFirst(peer, SERVER.newServerEngine(TlsParameters.TDS8));
      transport.close();
    } catch (TlsHandshakeException expected) {
      // what a broken or hostile client gets
    }
  }

  /** Returns the script, then end of stream; swallows what the server writes. */
  private static final class Scripted implements Transport {
    private final ByteBuffer script;

    Scripted(ByteBuffer script) {
      this.script = script;
    }

    @Override
    public int read(ByteBuffer dst) {
      if (!script.hasRemaining()) {
        return -1;
      }
      int n = Math.min(dst.remaining(), script.remaining());
      dst.put(script.slice(script.position(), n));
      script.position(script.position() + n);
      return n;
    }

    @Override
    public void write(ByteBuffer src) {
      src.position(src.limit());
    }

    @Override
    public void close() {}
  }
}
