package io.jctds.session;

import io.jctds.protocol.TdsVersion;
import java.io.IOException;

/**
 * The login as a state machine (FreeTDS {@code tds_connect} / {@code tds71_do_login}). Each state
 * does its part of the exchange on the {@link LoginFlow} and names the state that comes next;
 * {@link #READY} and {@link #ROUTED} end it. What each state is doing also names the phase in error
 * messages.
 */
enum LoginState {
  /** Open the TCP connection. */
  CONNECT("connecting over TCP") {
    @Override
    LoginState run(LoginFlow f) throws IOException {
      f.connectTcp();
      if (f.settings().version() == TdsVersion.V7_0) {
        return LOGIN7; // TDS 7.0 has no PRELOGIN: LOGIN7 goes out directly
      }
      return f.settings().strict() ? TLS_FIRST : PRELOGIN;
    }
  },

  /** TDS 8.0: the TLS handshake before any TDS byte, with ALPN tds/8.0. */
  TLS_FIRST("the TLS-first (TDS 8.0, strict) handshake") {
    @Override
    LoginState run(LoginFlow f) throws IOException {
      f.tlsFirst();
      return PRELOGIN;
    }
  },

  /** Send PRELOGIN, read the answer, decide about encryption. */
  PRELOGIN("the PRELOGIN exchange") {
    @Override
    LoginState run(LoginFlow f) throws IOException {
      EncryptionDecision d = f.prelogin();
      if (d instanceof EncryptionDecision.Tls) {
        return TLS_IN_PRELOGIN;
      }
      if (d instanceof EncryptionDecision.Refuse r) {
        throw f.refuse(r);
      }
      return LOGIN7;
    }
  },

  /** TDS 7.x: the TLS handshake carried in PRELOGIN packets. */
  TLS_IN_PRELOGIN("the TLS handshake inside PRELOGIN packets") {
    @Override
    LoginState run(LoginFlow f) throws IOException {
      f.tlsInPrelogin();
      return LOGIN7;
    }
  },

  /** Send LOGIN7 (password obfuscated; encrypted unless the connection is plain). */
  LOGIN7("sending LOGIN7") {
    @Override
    LoginState run(LoginFlow f) throws IOException {
      f.sendLogin7();
      return LOGIN_RESPONSE;
    }
  },

  /** Read LOGINACK, ENVCHANGEs, messages; or the login error. */
  LOGIN_RESPONSE("reading the login response") {
    @Override
    LoginState run(LoginFlow f) throws IOException {
      f.readLoginResponse();
      return f.routing() != null ? ROUTED : READY;
    }
  },

  /** Logged in. */
  READY("logged in"),

  /** The server redirected the login (ENVCHANGE routing): reconnect elsewhere. */
  ROUTED("following a routing redirect");

  private final String phase;

  LoginState(String phase) {
    this.phase = phase;
  }

  /** What this state does, for messages ("... during the PRELOGIN exchange"). */
  String phase() {
    return phase;
  }

  /** Whether the machine stops here. */
  boolean isFinal() {
    return this == READY || this == ROUTED;
  }

  /**
   * Does this state's work and names the next state.
   *
   * @throws IOException on transport failures; the caller closes the connection
   */
  LoginState run(LoginFlow f) throws IOException {
    throw new IllegalStateException(this + " is a final state");
  }
}
