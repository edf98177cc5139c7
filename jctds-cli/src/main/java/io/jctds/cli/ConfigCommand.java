package io.jctds.cli;

import io.jctds.config.ConfigResolver;
import io.jctds.config.ConfigWarning;
import io.jctds.config.Encryption;
import io.jctds.config.SearchedFile;
import io.jctds.config.ServerEntry;
import io.jctds.config.SystemTrustStore;
import io.jctds.config.TdsVersion;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code jctds config}: how a server name resolves through freetds.conf, the environment and the
 * defaults (FreeTDS 1.5 rules), or ({@code -C}) the settings this jctds runs with, like {@code tsql
 * -C}.
 */
@Command(
    name = "config",
    mixinStandardHelpOptions = true,
    description = {
      "Shows how a server name resolves through freetds.conf and the environment"
          + " (FreeTDS 1.5 rules), or with -C the settings jctds runs with.",
      "Exit status: 0 ok, 2 invalid configuration or usage."
    })
public final class ConfigCommand implements Callable<Integer> {
  /** The FreeTDS release whose configuration rules jctds follows. */
  static final String FREETDS_RULES = "1.5";

  private static final String LABEL_FORMAT = "%35s: %s";

  @Spec CommandSpec spec;

  @Option(
      names = "-C",
      description = "Print the settings: version, config files searched, trust store, TLS.")
  boolean settings;

  @Option(
      names = {"-S", "--server"},
      paramLabel = "NAME",
      description = "Resolve NAME: a section, a host, host:port, [v6]:port or host\\instance.")
  String server;

  @Option(
      names = {"-I", "--file"},
      paramLabel = "FILE",
      description = "A freetds.conf read before all others (like tsql -I).")
  Path file;

  @Option(names = "--json", description = "Print the resolved entry as JSON.")
  boolean json;

  @Override
  public Integer call() {
    if (settings == (server != null)) {
      throw new ParameterException(spec.commandLine(), "Give either -C or --server NAME.");
    }
    PrintWriter out = spec.commandLine().getOut();
    ConfigResolver resolver =
        ConfigResolver.builder().file(file).console(out, spec.commandLine().getErr()).build();
    if (settings) {
      printSettings(out, resolver);
    } else {
      ServerEntry entry = resolver.resolve(server);
      out.println(json ? entry.toJson() : EntryListing.of(entry));
    }
    out.flush();
    return ExitCodes.OK;
  }

  private static void printSettings(PrintWriter out, ConfigResolver resolver) {
    out.println("Compile-time settings (jctds: configured the FreeTDS way)");
    line(out, "Version", "jctds " + JctdsCommand.version());
    line(out, "FreeTDS configuration rules", FREETDS_RULES);
    List<SearchedFile> files = resolver.searchedFiles();
    for (int i = 0; i < files.size(); i++) {
      SearchedFile f = files.get(i);
      line(
          out,
          "Config file " + (i + 1),
          f.path() + " (" + f.how() + "): " + (f.exists() ? "found" : "not found"));
    }
    java.nio.file.Path locales = resolver.localesFile();
    if (locales != null) {
      line(
          out,
          "locales.conf",
          locales + ": " + (java.nio.file.Files.isReadable(locales) ? "found" : "not found"));
    }
    line(out, "System trust store", SystemTrustStore.locate().describe());
    tls(out);
    line(out, "TDS versions", "7.1, 7.2, 7.3, 7.4, 8.0");
    line(out, "Default TDS version", TdsVersion.AUTO.label() + " (tries 7.4)");
    line(
        out,
        "Default encryption",
        Encryption.DEFAULT.label() + " (= " + Encryption.REQUEST.label() + " for TDS 7.1+)");
  }

  private static void tls(PrintWriter out) {
    try {
      SSLContext context = SSLContext.getDefault();
      line(
          out,
          "TLS provider",
          context.getProvider().getName() + " " + context.getProvider().getVersionStr());
      SSLParameters supported = context.getSupportedSSLParameters();
      SSLParameters enabled = context.getDefaultSSLParameters();
      line(out, "TLS protocols supported", String.join(", ", supported.getProtocols()));
      line(out, "TLS protocols enabled", String.join(", ", enabled.getProtocols()));
    } catch (NoSuchAlgorithmException e) {
      line(out, "TLS provider", "none (" + e.getMessage() + ")");
    }
  }

  private static void line(PrintWriter out, String label, String value) {
    out.println(String.format(LABEL_FORMAT, label, value));
  }

  /** The readable {@code key = value (source)} listing of an entry, with its warnings. */
  static final class EntryListing {
    private EntryListing() {}

    static String of(ServerEntry entry) {
      StringBuilder s = new StringBuilder();
      for (Map.Entry<String, Object> e : entry.values().entrySet()) {
        String value = e.getValue() == null ? "(unset)" : e.getValue().toString();
        s.append(
            String.format(
                "%-26s = %-32s (%s)%n", e.getKey(), value, entry.source(e.getKey()).describe()));
      }
      if (!entry.addresses().isEmpty()) {
        s.append(
            String.format(
                "%-26s = %s%n",
                "addresses",
                String.join(
                    ", ", entry.addresses().stream().map(a -> a.getHostAddress()).toList())));
      }
      if (entry.opensslCiphers() != null) {
        s.append(
            String.format(
                "%-26s = %-32s (%s)%n",
                "openssl_ciphers",
                entry.opensslCiphers(),
                entry.source("openssl_ciphers").describe()));
      }
      entry.connectProblem().ifPresent(p -> s.append("cannot connect: ").append(p).append('\n'));
      List<ConfigWarning> warnings = entry.warnings();
      if (!warnings.isEmpty()) {
        s.append("warnings:\n");
        warnings.forEach(w -> s.append("  ").append(w).append('\n'));
      }
      return s.toString().stripTrailing();
    }
  }
}
