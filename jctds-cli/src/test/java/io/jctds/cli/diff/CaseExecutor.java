package io.jctds.cli.diff;

import io.jctds.cli.diff.JctdsConfigRunner.JctdsRun;
import io.jctds.cli.diff.TsqlRunner.TsqlRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Lays out one {@link DiffCase} in its own directory and runs both sides on it with the same
 * environment: tsql (TDSDUMPCONFIG → {@code tsql-dump.txt}) and {@code jctds config --json}
 * (TDSDUMPCONFIG → {@code jctds-dump.txt}, so that jctds's own log cannot overwrite FreeTDS's).
 */
final class CaseExecutor {
  private final TsqlRunner tsql;
  private final JctdsConfigRunner jctds;
  private final Path root;

  CaseExecutor(TsqlRunner tsql, JctdsConfigRunner jctds, Path root) {
    this.tsql = tsql;
    this.jctds = jctds;
    this.root = root;
  }

  /**
   * What both sides did for one case.
   *
   * @param dir the case directory (what {@code ${DIR}} stands for)
   * @param conf the main configuration file
   * @param env the environment both sides got, besides TDSDUMPCONFIG
   */
  record CaseRun(
      DiffCase c, Path dir, Path conf, Map<String, String> env, TsqlRun tsql, JctdsRun jctds) {
    /** Replaces {@code ${DIR}} by this run's directory. */
    String expand(String text) {
      return text.replace(DiffCase.DIR, dir.toString());
    }
  }

  CaseRun run(DiffCase c) {
    Path dir = root.resolve(c.name().replaceAll("[^A-Za-z0-9._-]", "_"));
    try {
      Files.createDirectories(dir);
      Path conf = dir.resolve("freetds.conf");
      write(conf, c.conf().replace(DiffCase.DIR, dir.toString()));
      for (Map.Entry<String, String> f : c.extraFiles().entrySet()) {
        write(dir.resolve(f.getKey()), f.getValue().replace(DiffCase.DIR, dir.toString()));
      }
      Map<String, String> env = new LinkedHashMap<>();
      env.put("LC_ALL", "C.UTF-8");
      env.put("LANG", "C.UTF-8");
      switch (c.mode()) {
        case FREETDSCONF -> env.put("FREETDSCONF", conf.toString());
        case ABSENT -> env.put("FREETDSCONF", dir.resolve("absent.conf").toString());
        case EXPLICIT_FILE -> {}
      }
      c.env().forEach((k, v) -> env.put(k, v.replace(DiffCase.DIR, dir.toString())));
      Path explicit = c.mode() == DiffCase.FileMode.EXPLICIT_FILE ? conf : null;
      TsqlRun t = tsql.resolve(c.server(), env, dir.resolve("tsql-dump.txt"), explicit);
      Map<String, String> jenv = new LinkedHashMap<>(env);
      jenv.put("TDSDUMPCONFIG", dir.resolve("jctds-dump.txt").toString());
      Path home = c.jctdsUserHome() == null ? null : dir.resolve(c.jctdsUserHome());
      JctdsRun j = jctds.resolve(c.server(), jenv, explicit, home);
      return new CaseRun(c, dir, conf, env, t, j);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot lay out case " + c.name() + " in " + dir, e);
    }
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
