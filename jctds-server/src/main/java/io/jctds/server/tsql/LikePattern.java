package io.jctds.server.tsql;

import io.jctds.server.types.SqlLike;

/** A LIKE with a literal pattern as H2 SQL: H2's LIKE/ILIKE, or REGEXP_LIKE for [sets]. */
final class LikePattern {
  private LikePattern() {}

  static String translate(String operand, String pattern, String escape, boolean ci) {
    String like = SqlLike.toH2Like(pattern, escape);
    if (like != null) {
      return "(" + operand + (ci ? " ILIKE " : " LIKE ") + Literals.quote(like) + " ESCAPE '\\')";
    }
    String regex = SqlLike.toRegex(pattern, escape);
    return "REGEXP_LIKE("
        + operand
        + ", "
        + Literals.quote(regex)
        + ", '"
        + (ci ? "in" : "cn")
        + "')";
  }
}
