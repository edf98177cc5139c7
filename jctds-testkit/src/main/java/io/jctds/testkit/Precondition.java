package io.jctds.testkit;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What a test class needs from the machine it runs on (a peer program on the PATH, an environment
 * without certain variables), as a JUnit {@link ExecutionCondition} on a static field:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final Precondition TSQL = Precondition.executable("tsql", "apt-get install freetds-bin");
 * }</pre>
 *
 * <p>It is decided before {@code @BeforeAll} runs. When it is not met, every test of the class is
 * reported skipped with the reason: counted as skipped in the console summary, with the reason in
 * the XML and text reports, and on one line of the Maven console. On CI ({@link Peers#isCi()}) the
 * class fails with the reason instead. (An abort from {@code @BeforeAll} would make Surefire and
 * Failsafe report "Tests run: 0, Skipped: 0" and show the reason nowhere.)
 */
public final class Precondition implements ExecutionCondition {
  private static final PrintStream CONSOLE =
      new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);

  private final Supplier<Optional<String>> unmet;
  private final BooleanSupplier ci;
  private final Consumer<String> console;
  private final AtomicBoolean announced = new AtomicBoolean();

  private Precondition(
      Supplier<Optional<String>> unmet, BooleanSupplier ci, Consumer<String> console) {
    this.unmet = Objects.requireNonNull(unmet, "unmet");
    this.ci = Objects.requireNonNull(ci, "ci");
    this.console = Objects.requireNonNull(console, "console");
  }

  /**
   * A precondition given as a check.
   *
   * @param unmet why the precondition is not met (what is missing and how to install it), or empty
   */
  public static Precondition of(Supplier<Optional<String>> unmet) {
    // test output goes to files (redirectTestOutputToFile); this stream reaches the console
    return new Precondition(unmet, Peers::isCi, CONSOLE::println);
  }

  /**
   * As {@link #of(Supplier)}, with {@code ci} deciding whether this run is CI and {@code console}
   * taking the console line (for tests of this class).
   */
  static Precondition of(
      Supplier<Optional<String>> unmet, BooleanSupplier ci, Consumer<String> console) {
    return new Precondition(unmet, ci, console);
  }

  /** The executable {@code name} must be on the PATH; {@code howToInstall} says how to get it. */
  public static Precondition executable(String name, String howToInstall) {
    return of(
        () ->
            Peers.onPath(name).isPresent()
                ? Optional.empty()
                : Optional.of(name + " is not on the PATH; install it: " + howToInstall));
  }

  /**
   * None of these environment variables may be set (FreeTDS's {@code TDSVER}, {@code TDSPORT}, ...
   * override what a test's freetds.conf says).
   */
  public static Precondition unsetEnvironment(String... names) {
    List<String> variables = List.of(names);
    return of(
        () ->
            variables.stream()
                .filter(v -> System.getenv(v) != null)
                .findFirst()
                .map(
                    v ->
                        v
                            + " is set in this environment and would override the test's"
                            + " configuration; unset it to run these tests"));
  }

  /** This precondition and then {@code other}: the first reason found. */
  public Precondition and(Precondition other) {
    return new Precondition(() -> unmet().or(other::unmet), ci, console);
  }

  /** Why the precondition is not met on this machine, or empty when it is. */
  public Optional<String> unmet() {
    return unmet.get();
  }

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    Optional<String> reason = unmet();
    if (reason.isEmpty()) {
      return ConditionEvaluationResult.enabled("precondition met");
    }
    if (ci.getAsBoolean()) {
      Assertions.fail("A precondition of these tests is not met on CI: " + reason.get());
    }
    if (announced.compareAndSet(false, true)) {
      console.accept("[jctds] " + context.getDisplayName() + " skipped: " + reason.get());
    }
    return ConditionEvaluationResult.disabled(reason.get());
  }
}
