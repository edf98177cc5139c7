package io.jctds.server;

import io.jctds.protocol.token.ColMetadata;
import io.jctds.protocol.token.Done;
import io.jctds.protocol.token.EnvChange;
import io.jctds.protocol.token.Row;
import io.jctds.protocol.token.ServerMessage;
import io.jctds.protocol.token.Token;
import java.util.List;

/** Picks tokens out of a decoded response. */
final class Responses {
  private Responses() {}

  static List<ServerMessage> errors(List<Token> tokens) {
    return tokens.stream()
        .filter(t -> t instanceof ServerMessage m && m.error())
        .map(ServerMessage.class::cast)
        .toList();
  }

  static List<ServerMessage> infos(List<Token> tokens) {
    return tokens.stream()
        .filter(t -> t instanceof ServerMessage m && !m.error())
        .map(ServerMessage.class::cast)
        .toList();
  }

  static List<Row> rows(List<Token> tokens) {
    return tokens.stream().filter(Row.class::isInstance).map(Row.class::cast).toList();
  }

  static List<ColMetadata> metadata(List<Token> tokens) {
    return tokens.stream()
        .filter(ColMetadata.class::isInstance)
        .map(ColMetadata.class::cast)
        .toList();
  }

  static List<Done> dones(List<Token> tokens) {
    return tokens.stream().filter(Done.class::isInstance).map(Done.class::cast).toList();
  }

  static Done lastDone(List<Token> tokens) {
    List<Done> d = dones(tokens);
    if (d.isEmpty()) {
      throw new AssertionError("no DONE in " + tokens);
    }
    return d.get(d.size() - 1);
  }

  static List<EnvChange> envChanges(List<Token> tokens) {
    return tokens.stream().filter(EnvChange.class::isInstance).map(EnvChange.class::cast).toList();
  }

  /** The single value of a one-row, one-column result. */
  static Object scalar(List<Token> tokens) {
    List<Row> r = rows(tokens);
    if (r.size() != 1 || r.get(0).size() != 1) {
      throw new AssertionError("expected one value, got " + tokens);
    }
    return r.get(0).getObject(0);
  }
}
