package io.jctds.protocol.prelogin;

import io.jctds.protocol.TdsProtocolException;
import io.jctds.protocol.TdsWriter;
import io.jctds.protocol.Wire;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * The PRELOGIN message ([MS-TDS] 2.2.6.5), sent by the client in a 0x12 packet and answered by the
 * server in a 0x04 packet. Every option is optional ({@code null} = absent). The payload is an
 * option table (token, big-endian offset, big-endian length; 0xFF ends it) followed by the option
 * data; offsets are relative to the start of the payload.
 *
 * @param version VERSION (token 0): the client's driver version or the server's product version
 * @param encryption ENCRYPTION (token 1): the raw byte, see {@link EncryptionOption}
 * @param instance INSTOPT (token 2): the raw bytes — a client sends the instance name and a NUL, a
 *     server answers a single byte (0 = name accepted)
 * @param threadId THREADID (token 3): client thread or process id, little-endian on the wire
 * @param mars MARS (token 4): whether MARS is requested
 * @param traceId TRACEID (token 5): 36 bytes, connection id GUID, activity id GUID, sequence
 * @param fedAuthRequired FEDAUTHREQUIRED (token 6)
 * @param nonce NONCEOPT (token 7): 32 bytes
 */
public record PreLogin(
    Version version,
    Integer encryption,
    byte[] instance,
    Integer threadId,
    Boolean mars,
    byte[] traceId,
    Boolean fedAuthRequired,
    byte[] nonce) {

  /** Option token: VERSION. */
  public static final int VERSION = 0x00;

  /** Option token: ENCRYPTION. */
  public static final int ENCRYPTION = 0x01;

  /** Option token: INSTOPT. */
  public static final int INSTOPT = 0x02;

  /** Option token: THREADID. */
  public static final int THREADID = 0x03;

  /** Option token: MARS. */
  public static final int MARS = 0x04;

  /** Option token: TRACEID. */
  public static final int TRACEID = 0x05;

  /** Option token: FEDAUTHREQUIRED. */
  public static final int FEDAUTHREQUIRED = 0x06;

  /** Option token: NONCEOPT. */
  public static final int NONCEOPT = 0x07;

  /** Option table terminator. */
  public static final int TERMINATOR = 0xFF;

  /** Length of the TRACEID option. */
  public static final int TRACEID_LENGTH = 36;

  /** Length of the NONCEOPT option. */
  public static final int NONCE_LENGTH = 32;

  /**
   * The VERSION option: UL_VERSION (major, minor, big-endian build) and US_SUBBUILD (big-endian).
   *
   * @param major major version byte
   * @param minor minor version byte
   * @param build build number, 0..65535
   * @param subBuild sub-build number, 0..65535
   */
  public record Version(int major, int minor, int build, int subBuild) {
    /** Validates the ranges. */
    public Version {
      if ((major | minor) >>> 8 != 0 || (build | subBuild) >>> 16 != 0) {
        throw new IllegalArgumentException(
            "PRELOGIN version " + major + "." + minor + "." + build + "." + subBuild);
      }
    }

    @Override
    public String toString() {
      return major + "." + minor + "." + build + "." + subBuild;
    }
  }

  /** Validates the fixed-size options. */
  public PreLogin {
    if (encryption != null && (encryption & ~0xFF) != 0) {
      throw new IllegalArgumentException("ENCRYPTION " + encryption + " is not a byte");
    }
    checkLength("TRACEID", traceId, TRACEID_LENGTH);
    checkLength("NONCEOPT", nonce, NONCE_LENGTH);
    if (instance != null && instance.length > 0xFFFF) {
      throw new IllegalArgumentException("INSTOPT longer than 65535 bytes");
    }
    instance = instance == null ? null : instance.clone();
    traceId = traceId == null ? null : traceId.clone();
    nonce = nonce == null ? null : nonce.clone();
  }

  private static void checkLength(String what, byte[] value, int length) {
    if (value != null && value.length != length) {
      throw new IllegalArgumentException(
          what + " must be " + length + " bytes, got " + value.length);
    }
  }

  /** A PRELOGIN with no options. */
  public static PreLogin empty() {
    return new PreLogin(null, null, null, null, null, null, null, null);
  }

  /** The INSTOPT bytes a client sends for {@code name}: the name in ASCII and a NUL. */
  public static byte[] instanceOption(String name) {
    byte[] s = name.getBytes(StandardCharsets.ISO_8859_1);
    return Arrays.copyOf(s, s.length + 1);
  }

  /** Returns a copy with VERSION set. */
  public PreLogin withVersion(Version v) {
    return new PreLogin(v, encryption, instance, threadId, mars, traceId, fedAuthRequired, nonce);
  }

  /** Returns a copy with the ENCRYPTION byte set. */
  public PreLogin withEncryption(int b) {
    return new PreLogin(version, b, instance, threadId, mars, traceId, fedAuthRequired, nonce);
  }

  /** Returns a copy with ENCRYPTION set to {@code option}. */
  public PreLogin withEncryption(EncryptionOption option) {
    if (option == EncryptionOption.UNKNOWN) {
      throw new IllegalArgumentException("use withEncryption(int) for a raw byte");
    }
    return withEncryption(option.value());
  }

  /** Returns a copy with the raw INSTOPT bytes set. */
  public PreLogin withInstance(byte[] raw) {
    return new PreLogin(version, encryption, raw, threadId, mars, traceId, fedAuthRequired, nonce);
  }

  /** Returns a copy with INSTOPT set to {@code name} and a NUL. */
  public PreLogin withInstanceName(String name) {
    return withInstance(instanceOption(name));
  }

  /** Returns a copy with THREADID set. */
  public PreLogin withThreadId(Integer id) {
    return new PreLogin(version, encryption, instance, id, mars, traceId, fedAuthRequired, nonce);
  }

  /** Returns a copy with MARS set. */
  public PreLogin withMars(Boolean on) {
    return new PreLogin(
        version, encryption, instance, threadId, on, traceId, fedAuthRequired, nonce);
  }

  /** Returns a copy with TRACEID set (36 bytes). */
  public PreLogin withTraceId(byte[] id) {
    return new PreLogin(version, encryption, instance, threadId, mars, id, fedAuthRequired, nonce);
  }

  /** Returns a copy with FEDAUTHREQUIRED set. */
  public PreLogin withFedAuthRequired(Boolean on) {
    return new PreLogin(version, encryption, instance, threadId, mars, traceId, on, nonce);
  }

  /** Returns a copy with NONCEOPT set (32 bytes). */
  public PreLogin withNonce(byte[] n) {
    return new PreLogin(version, encryption, instance, threadId, mars, traceId, fedAuthRequired, n);
  }

  /** The ENCRYPTION option by name; null when absent. */
  public EncryptionOption encryptionOption() {
    return encryption == null ? null : EncryptionOption.fromByte(encryption);
  }

  /** The INSTOPT text up to its first NUL (ASCII); null when absent. */
  public String instanceName() {
    if (instance == null) {
      return null;
    }
    int end = 0;
    while (end < instance.length && instance[end] != 0) {
      end++;
    }
    return new String(instance, 0, end, StandardCharsets.ISO_8859_1);
  }

  @Override
  public byte[] instance() {
    return instance == null ? null : instance.clone();
  }

  @Override
  public byte[] traceId() {
    return traceId == null ? null : traceId.clone();
  }

  @Override
  public byte[] nonce() {
    return nonce == null ? null : nonce.clone();
  }

  private int optionCount() {
    int n = 0;
    for (int t = VERSION; t <= NONCEOPT; t++) {
      n += optionLength(t) >= 0 ? 1 : 0;
    }
    return n;
  }

  /** Length of option {@code token}'s data, or -1 when it is absent. */
  private int optionLength(int token) {
    return switch (token) {
      case VERSION -> version == null ? -1 : 6;
      case ENCRYPTION -> encryption == null ? -1 : 1;
      case INSTOPT -> instance == null ? -1 : instance.length;
      case THREADID -> threadId == null ? -1 : 4;
      case MARS -> mars == null ? -1 : 1;
      case TRACEID -> traceId == null ? -1 : TRACEID_LENGTH;
      case FEDAUTHREQUIRED -> fedAuthRequired == null ? -1 : 1;
      case NONCEOPT -> nonce == null ? -1 : NONCE_LENGTH;
      default -> -1;
    };
  }

  /** Size of the encoded payload in bytes. */
  public int encodedLength() {
    int n = optionCount() * 5 + 1;
    for (int t = VERSION; t <= NONCEOPT; t++) {
      n += Math.max(0, optionLength(t));
    }
    return n;
  }

  /** Writes the payload: the option table in token order, then the option data. */
  public void encode(TdsWriter out) {
    int offset = optionCount() * 5 + 1;
    if (encodedLength() > 0xFFFF) {
      throw new IllegalArgumentException("PRELOGIN payload exceeds 65535 bytes");
    }
    for (int t = VERSION; t <= NONCEOPT; t++) {
      int len = optionLength(t);
      if (len >= 0) {
        out.u8(t).u16be(offset).u16be(len);
        offset += len;
      }
    }
    out.u8(TERMINATOR);
    if (version != null) {
      out.u8(version.major()).u8(version.minor()).u16be(version.build());
      out.u16be(version.subBuild());
    }
    if (encryption != null) {
      out.u8(encryption);
    }
    if (instance != null) {
      out.bytes(instance);
    }
    if (threadId != null) {
      out.i32(threadId);
    }
    if (mars != null) {
      out.u8(mars ? 1 : 0);
    }
    if (traceId != null) {
      out.bytes(traceId);
    }
    if (fedAuthRequired != null) {
      out.u8(fedAuthRequired ? 1 : 0);
    }
    if (nonce != null) {
      out.bytes(nonce);
    }
  }

  /**
   * Decodes a PRELOGIN payload: the buffer's remaining bytes (its position is offset 0). Unknown
   * option tokens are skipped; an option whose offset and length reach outside the payload, or a
   * known option shorter than its fixed size, is an error. A zero-length option counts as absent
   * (SQL Server answers THREADID with length 0). The buffer's position moves to its limit.
   *
   * @throws TdsProtocolException if the payload is malformed
   */
  public static PreLogin decode(ByteBuffer in) {
    ByteBuffer p = in.slice().order(in.order());
    int size = p.remaining();
    PreLogin result = empty();
    while (true) {
      int token = Wire.u8(p, "PRELOGIN option token or 0xFF terminator");
      if (token == TERMINATOR) {
        break;
      }
      int entry = p.position() - 1;
      int offset = Wire.u16be(p, "PRELOGIN option offset");
      int length = Wire.u16be(p, "PRELOGIN option length");
      if (offset + length > size) {
        throw new TdsProtocolException(
            String.format(
                "PRELOGIN option 0x%02X points to bytes %d..%d outside the %d-byte payload",
                token, offset, offset + length, size),
            entry);
      }
      if (length > 0) {
        result = result.withOption(token, p.duplicate().position(offset).limit(offset + length));
      }
    }
    in.position(in.limit());
    return result;
  }

  private PreLogin withOption(int token, ByteBuffer v) {
    return switch (token) {
      case VERSION ->
          withVersion(
              new Version(
                  Wire.u8(v, "VERSION major"),
                  Wire.u8(v, "VERSION minor"),
                  Wire.u16be(v, "VERSION build"),
                  Wire.u16be(v, "VERSION sub-build")));
      case ENCRYPTION -> withEncryption(Wire.u8(v, "ENCRYPTION byte"));
      case INSTOPT -> withInstance(Wire.bytes(v, v.remaining(), "INSTOPT"));
      case THREADID -> withThreadId(Wire.i32(v, "THREADID (4 bytes)"));
      case MARS -> withMars(Wire.u8(v, "MARS byte") != 0);
      case TRACEID -> withTraceId(exact(v, TRACEID_LENGTH, "TRACEID (36 bytes)"));
      case FEDAUTHREQUIRED -> withFedAuthRequired(Wire.u8(v, "FEDAUTHREQUIRED byte") != 0);
      case NONCEOPT -> withNonce(exact(v, NONCE_LENGTH, "NONCEOPT (32 bytes)"));
      default -> this;
    };
  }

  private static byte[] exact(ByteBuffer v, int length, String what) {
    if (v.remaining() != length) {
      throw new TdsProtocolException(
          what + " has " + v.remaining() + " bytes, expected " + length, v.position());
    }
    return Wire.bytes(v, length, what);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PreLogin p
        && Objects.equals(version, p.version)
        && Objects.equals(encryption, p.encryption)
        && Arrays.equals(instance, p.instance)
        && Objects.equals(threadId, p.threadId)
        && Objects.equals(mars, p.mars)
        && Arrays.equals(traceId, p.traceId)
        && Objects.equals(fedAuthRequired, p.fedAuthRequired)
        && Arrays.equals(nonce, p.nonce);
  }

  @Override
  public int hashCode() {
    return Objects.hash(version, encryption, Arrays.hashCode(instance), threadId, mars)
        ^ Arrays.hashCode(traceId)
        ^ Objects.hash(fedAuthRequired)
        ^ Arrays.hashCode(nonce);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("PreLogin[");
    if (version != null) {
      sb.append("version=").append(version).append(' ');
    }
    if (encryption != null) {
      sb.append(String.format("encryption=0x%02X(%s) ", encryption, encryptionOption()));
    }
    if (instance != null) {
      sb.append("instance=\"").append(instanceName()).append("\" ");
    }
    if (threadId != null) {
      sb.append("threadId=").append(Integer.toUnsignedString(threadId)).append(' ');
    }
    if (mars != null) {
      sb.append("mars=").append(mars).append(' ');
    }
    if (traceId != null) {
      sb.append("traceId=").append(Wire.hex(ByteBuffer.wrap(traceId)).replace(" ", "")).append(' ');
    }
    if (fedAuthRequired != null) {
      sb.append("fedAuthRequired=").append(fedAuthRequired).append(' ');
    }
    if (nonce != null) {
      sb.append("nonce=<32 bytes> ");
    }
    return sb.toString().trim() + "]";
  }
}
