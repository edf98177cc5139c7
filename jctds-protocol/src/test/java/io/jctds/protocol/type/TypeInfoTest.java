package io.jctds.protocol.type;

import static io.jctds.protocol.Bytes.buf;
import static io.jctds.protocol.Bytes.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jctds.protocol.Bytes;
import io.jctds.protocol.TdsProtocolException;
import io.jctds.protocol.TdsVersion;
import java.util.List;
import org.junit.jupiter.api.Test;

class TypeInfoTest {
  private static final Collation C = Collation.SQL_LATIN1_GENERAL_CP1_CI_AS;

  static List<TypeInfo> samples() {
    return List.of(
        TypeInfo.fixed(TdsType.INT4),
        TypeInfo.fixed(TdsType.INT8),
        TypeInfo.fixed(TdsType.BIT),
        TypeInfo.fixed(TdsType.FLT8),
        TypeInfo.fixed(TdsType.MONEY4),
        TypeInfo.fixed(TdsType.DATETIME),
        TypeInfo.fixed(TdsType.DATETIM4),
        TypeInfo.fixed(TdsType.NULL),
        TypeInfo.intN(1),
        TypeInfo.intN(8),
        TypeInfo.bitN(),
        TypeInfo.fltN(4),
        TypeInfo.moneyN(8),
        TypeInfo.datetimeN(4),
        TypeInfo.guid(),
        TypeInfo.decimal(18, 4),
        TypeInfo.numeric(38, 10),
        TypeInfo.date(),
        TypeInfo.time(0),
        TypeInfo.time(7),
        TypeInfo.datetime2(3),
        TypeInfo.datetimeOffset(7),
        TypeInfo.varchar(50, C),
        TypeInfo.varchar(TypeInfo.MAX, C),
        TypeInfo.charType(10, C),
        TypeInfo.nvarchar(4000, C),
        TypeInfo.nvarchar(TypeInfo.MAX, C),
        TypeInfo.nchar(5, C),
        TypeInfo.varbinary(8000),
        TypeInfo.varbinary(TypeInfo.MAX),
        TypeInfo.binary(16),
        TypeInfo.longText(TdsType.TEXT, 0x7FFFFFFF, C),
        TypeInfo.longText(TdsType.NTEXT, 0x3FFFFFFF, C),
        TypeInfo.longText(TdsType.IMAGE, 0x7FFFFFFF, null),
        TypeInfo.xml(),
        new TypeInfo(
            TdsType.XML, -1, 0, 0, null, new TypeInfo.XmlSchema("db", "dbo", "MySchemaCollection")),
        new TypeInfo(
            TdsType.UDT,
            TypeInfo.MAX,
            0,
            0,
            null,
            new TypeInfo.UdtInfo("master", "sys", "hierarchyid", "Microsoft.SqlServer.Types")),
        TypeInfo.variant());
  }

  @Test
  void roundTripsEveryKind() {
    for (TypeInfo t : samples()) {
      byte[] wire = Bytes.encode(w -> t.encode(w, TdsVersion.V7_4));
      var in = buf(wire);
      assertThat(TypeInfo.decode(in, TdsVersion.V7_4)).as(t.sqlName()).isEqualTo(t);
      assertThat(in.hasRemaining()).isFalse();
      Bytes.assertEveryPrefixFails(wire, b -> TypeInfo.decode(b, TdsVersion.V7_4));
    }
  }

  @Test
  void knownEncodings() {
    assertThat(enc(TypeInfo.intN(4))).isEqualTo("26 04");
    assertThat(enc(TypeInfo.decimal(18, 2))).isEqualTo("6A 09 12 02");
    assertThat(enc(TypeInfo.nvarchar(10, C))).isEqualTo("E7 14 00 09 04 D0 00 34");
    assertThat(enc(TypeInfo.nvarchar(TypeInfo.MAX, C))).isEqualTo("E7 FF FF 09 04 D0 00 34");
    assertThat(enc(TypeInfo.varbinary(100))).isEqualTo("A5 64 00");
    assertThat(enc(TypeInfo.datetime2(7))).isEqualTo("2A 07");
    assertThat(enc(TypeInfo.date())).isEqualTo("28");
    assertThat(enc(TypeInfo.fixed(TdsType.INT4))).isEqualTo("38");
    assertThat(enc(TypeInfo.xml())).isEqualTo("F1 00");
    assertThat(enc(TypeInfo.longText(TdsType.TEXT, 0x7FFFFFFF, C)))
        .isEqualTo("23 FF FF FF 7F 09 04 D0 00 34");
  }

  private static String enc(TypeInfo t) {
    return Bytes.toHex(Bytes.encode(w -> t.encode(w, TdsVersion.V7_4)));
  }

  @Test
  void tds70HasNoCollation() {
    TypeInfo t = TypeInfo.decode(buf("E7 14 00"), TdsVersion.V7_0);
    assertThat(t.type()).isEqualTo(TdsType.NVARCHAR);
    assertThat(t.collation()).isNull();
    assertThat(Bytes.toHex(Bytes.encode(w -> t.encode(w, TdsVersion.V7_0)))).isEqualTo("E7 14 00");
  }

  @Test
  void derivedProperties() {
    assertThat(TypeInfo.nvarchar(TypeInfo.MAX, C).isPlp()).isTrue();
    assertThat(TypeInfo.nvarchar(100, C).isPlp()).isFalse();
    assertThat(TypeInfo.xml().isPlp()).isTrue();
    assertThat(TypeInfo.datetimeOffset(7).maxLength()).isEqualTo(10);
    assertThat(TypeInfo.datetime2(2).maxLength()).isEqualTo(6);
    assertThat(TypeInfo.time(4).maxLength()).isEqualTo(4);
    assertThat(TypeInfo.decimal(38, 0).maxLength()).isEqualTo(17);
    assertThat(TypeInfo.nvarchar(10, C).sqlName()).isEqualTo("nvarchar(10)");
    assertThat(TypeInfo.varchar(TypeInfo.MAX, C).sqlName()).isEqualTo("varchar(max)");
    assertThat(TypeInfo.intN(2).sqlName()).isEqualTo("smallint");
    assertThat(TypeInfo.decimal(9, 3).sqlName()).isEqualTo("decimal(9,3)");
    assertThat(TypeInfo.moneyN(4).family()).isEqualTo(TypeInfo.Family.MONEY);
    assertThat(TdsType.fromByte(0xE7)).isEqualTo(TdsType.NVARCHAR);
    assertThat(TdsType.fromByte(0x01)).isNull();
  }

  @Test
  void rejectsInvalidTypeInfo() {
    assertThatThrownBy(() -> TypeInfo.decode(buf("01"), TdsVersion.V7_4))
        .isInstanceOf(TdsProtocolException.class)
        .hasMessageContaining("unknown TDS data type 0x01");
    assertThatThrownBy(() -> TypeInfo.decode(buf("26 03"), TdsVersion.V7_4))
        .isInstanceOf(TdsProtocolException.class)
        .hasMessageContaining("INTN");
    assertThatThrownBy(() -> TypeInfo.decode(buf("6A 11 27 00"), TdsVersion.V7_4))
        .isInstanceOf(TdsProtocolException.class);
    assertThatThrownBy(() -> TypeInfo.decode(buf("2A 08"), TdsVersion.V7_4))
        .isInstanceOf(TdsProtocolException.class)
        .hasMessageContaining("scale 8");
    assertThatThrownBy(() -> TypeInfo.decode(buf("A7 41 1F 09 04 D0 00 34"), TdsVersion.V7_4))
        .isInstanceOf(TdsProtocolException.class)
        .hasMessageContaining("exceeds 8000");
    assertThatThrownBy(() -> TypeInfo.intN(3)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TypeInfo.decimal(39, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TypeInfo.varchar(9000, C))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TypeInfo.varchar(10, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(hex("00")).hasSize(1);
  }
}
