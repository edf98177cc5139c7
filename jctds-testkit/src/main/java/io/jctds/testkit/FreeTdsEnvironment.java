package io.jctds.testkit;

import java.util.List;

/**
 * The environment variables FreeTDS reads for its configuration (FREETDS.md 3.2; {@code
 * ASA_DATABASE} overrides the TDS 5.0 login's server name): a FreeTDS tool run as a peer or an
 * oracle starts with all of them removed, so that only what the test writes decides.
 */
public final class FreeTdsEnvironment {
  /** Every variable FreeTDS reads for configuration. */
  public static final List<String> VARIABLES =
      List.of(
          "FREETDSCONF",
          "FREETDS",
          "TDSVER",
          "TDSPORT",
          "TDSHOST",
          "TDSDUMP",
          "TDSDUMPCONFIG",
          "TDSQUERY",
          "DSQUERY",
          "SYBASE",
          "ASA_DATABASE");

  private FreeTdsEnvironment() {}
}
