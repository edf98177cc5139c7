package io.jctds.server.tls;

import io.jctds.protocol.tls.JsseTlsContext;
import io.jctds.protocol.tls.TlsEngine;
import io.jctds.protocol.tls.TlsParameters;
import io.jctds.tls.legacy.BcTlsEngine;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCrypto;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCryptoProvider;

/**
 * Makes the server's TLS engine for each connection, from its credentials and {@link
 * ServerTlsPolicy}. Engines never resume a session: JSSE engines each get a fresh {@code
 * SSLContext} ({@link JsseTlsContext}), BouncyCastle engines issue no session IDs.
 *
 * <p>Use with {@link io.jctds.protocol.tls.TdsTlsTransport}: {@code handshakeInPrelogin(wire,
 * context.newTds7Engine(), scope)} after a PRELOGIN exchange that negotiated encryption, {@code
 * handshakeFirst(wire, context.newTds8Engine())} when the first byte of the connection is 0x16.
 *
 * <p>Credentials that take long to make (generated RSA keys, about a second on a cold JVM) can be
 * made later on a background thread ({@link #deferred}, {@link #prepare()}): then nothing waits for
 * them until the first handshake or {@link #credentials()}.
 */
public final class ServerTlsContext {
  private final ServerTlsPolicy policy;
  private final SecureRandom random = new SecureRandom();
  private final CompletableFuture<Keys> keys = new CompletableFuture<>();
  private final AtomicBoolean started = new AtomicBoolean();
  private final TlsParameters tds8;
  private Supplier<ServerCredentials> make;

  /** The credentials and the JSSE context serving them. */
  private record Keys(ServerCredentials credentials, JsseTlsContext jsse) {}

  /**
   * A context for {@code credentials}, ready to serve.
   *
   * @throws TlsCredentialsException if JSSE refuses the key
   */
  public ServerTlsContext(ServerCredentials credentials, ServerTlsPolicy policy) {
    this(policy);
    keys.complete(keys(credentials));
  }

  private ServerTlsContext(ServerTlsPolicy policy) {
    this.policy = Objects.requireNonNull(policy, "policy");
    List<String> versions = new ArrayList<>();
    if (policy.maxVersion() == TlsVersion.TLS_1_3) {
      versions.add(TlsVersion.TLS_1_3.jsseName());
    }
    versions.add(TlsVersion.TLS_1_2.jsseName());
    this.tds8 = TlsParameters.TDS8.withProtocols(versions.toArray(String[]::new));
  }

  /**
   * A context whose credentials {@code make} supplies on a daemon thread started by {@link
   * #prepare()} or by the first need ({@link #credentials()}, an engine), which waits for it and
   * rethrows its {@link TlsCredentialsException}.
   */
  public static ServerTlsContext deferred(
      Supplier<ServerCredentials> make, ServerTlsPolicy policy) {
    ServerTlsContext context = new ServerTlsContext(policy);
    context.make = Objects.requireNonNull(make, "make");
    return context;
  }

  /** Starts making deferred credentials in the background, once; no-op for given ones. */
  public void prepare() {
    if (make == null || !started.compareAndSet(false, true)) {
      return;
    }
    Supplier<ServerCredentials> supplier = make;
    Thread t =
        new Thread(
            () -> {
              try {
                keys.complete(keys(supplier.get()));
              } catch (RuntimeException | Error e) {
                keys.completeExceptionally(e);
              }
            },
            "jctds-server-credentials");
    t.setDaemon(true);
    t.start();
  }

  private Keys keys(ServerCredentials credentials) {
    Objects.requireNonNull(credentials, "credentials");
    try {
      return new Keys(credentials, new JsseTlsContext(credentials.keyManagers(), null, random));
    } catch (IllegalArgumentException e) {
      throw new TlsCredentialsException(e.getMessage(), e);
    }
  }

  private Keys keys() {
    prepare();
    try {
      return keys.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw e;
    }
  }

  /** The credentials served (waits for credentials made in the background). */
  public ServerCredentials credentials() {
    return keys().credentials();
  }

  public ServerTlsPolicy policy() {
    return policy;
  }

  /**
   * An engine for the TDS 7.x handshake inside PRELOGIN packets: JSSE with TLS 1.2, or, with {@code
   * enableTlsV1}, BouncyCastle with TLS 1.0 up to {@code min(maxVersion, 1.2)}.
   */
  public TlsEngine newTds7Engine() {
    if (!policy.enableTlsV1()) {
      return keys().jsse().newServerEngine(TlsParameters.TDS7);
    }
    JcaTlsCrypto crypto =
        new JcaTlsCryptoProvider().setProvider(BouncyCastle.PROVIDER).create(random);
    return BcTlsEngine.server(new LegacyTlsServer(crypto, credentials(), policy.maxVersion()));
  }

  /**
   * An engine for TDS 8.0: JSSE, TLS 1.2 up to {@code maxVersion}, ALPN {@code tds/8.0} required.
   *
   * @throws IllegalStateException if the policy's maximum version is below TLS 1.2 ({@link
   *     ServerTlsPolicy#allowsTds8()} is false); the server should refuse TLS-first connections
   */
  public TlsEngine newTds8Engine() {
    if (!policy.allowsTds8()) {
      throw new IllegalStateException(
          "TDS 8.0 needs TLS 1.2 or later but the server's max TLS version is "
              + policy.maxVersion());
    }
    return keys().jsse().newServerEngine(tds8);
  }

  /** BouncyCastle's JCA provider, made on first use: it loads hundreds of classes. */
  private static final class BouncyCastle {
    static final BouncyCastleProvider PROVIDER = new BouncyCastleProvider();
  }
}
