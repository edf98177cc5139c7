package io.jctds.protocol.token;

import io.jctds.protocol.login.FeatureExt;
import io.jctds.protocol.type.Collation;
import io.jctds.protocol.type.TdsType;
import io.jctds.protocol.type.TypeInfo;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

/** One of each token, valid in every version from 7.1. */
final class TokenSamples {
  private TokenSamples() {}

  static final Collation C = Collation.SQL_LATIN1_GENERAL_CP1_CI_AS;

  static ColMetadata metadata() {
    return new ColMetadata(
        List.of(
            ColMetadata.Column.of("id", TypeInfo.fixed(TdsType.INT4), 0),
            ColMetadata.Column.of("name", TypeInfo.nvarchar(50, C), ColMetadata.FLAG_NULLABLE),
            ColMetadata.Column.of("amount", TypeInfo.decimal(18, 2), ColMetadata.FLAG_NULLABLE),
            ColMetadata.Column.of("at", TypeInfo.datetimeN(8), ColMetadata.FLAG_NULLABLE),
            new ColMetadata.Column(
                0,
                ColMetadata.FLAG_NULLABLE,
                TypeInfo.longText(TdsType.TEXT, 0x7FFFFFFF, C),
                List.of("dbo.t"),
                "notes")));
  }

  static List<Token> all() {
    ColMetadata md = metadata();
    return List.of(
        new LoginAck(1, 0x74000004, "Microsoft SQL Server", 16, 0, 0x10, 0x27),
        EnvChange.database("testdb", "master"),
        EnvChange.language("us_english", ""),
        EnvChange.packetSize(8192, 4096),
        EnvChange.collation(C, null),
        EnvChange.beginTransaction(0x1122334455667788L),
        EnvChange.commitTransaction(0x1122334455667788L),
        EnvChange.rollbackTransaction(5),
        EnvChange.resetAck(),
        new EnvChange.Routing(0, 1433, "replica.example.com"),
        new EnvChange.Promote(new byte[] {1, 2, 3}),
        new EnvChange.Unknown(99, new byte[] {4, 5}),
        new ServerMessage(true, 2627, 1, 14, "Violation of PRIMARY KEY", "srv", "proc", 12),
        new ServerMessage(false, 0, 1, 0, "hello", "srv", "", 1),
        new FeatureExtAck(List.of(new FeatureExt(FeatureExt.UTF8_SUPPORT, new byte[] {1}))),
        new ReturnStatus(-6),
        md,
        Row.of(md, 1, "Ann", new BigDecimal("12.50"), LocalDateTime.of(2024, 5, 6, 7, 8, 9), "t"),
        Row.of(md, 2, null, null, null, null),
        new Order(List.of(1, 2)),
        ReturnValue.of(1, "@out", TypeInfo.intN(4), 42),
        ReturnValue.of(2, "@s", TypeInfo.nvarchar(TypeInfo.MAX, C), "big"),
        new OpaqueToken(TokenType.TABNAME, new byte[] {1, 0}),
        new OpaqueToken(TokenType.SESSIONSTATE, new byte[] {9, 9, 9}),
        new Done(TokenType.DONEINPROC, Done.STATUS_MORE | Done.STATUS_COUNT, 0xC1, 2),
        new Done(TokenType.DONEPROC, Done.STATUS_MORE, 0xE0, 0),
        Done.count(0));
  }
}
