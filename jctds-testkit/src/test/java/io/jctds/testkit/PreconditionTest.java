package io.jctds.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * A {@link Precondition} on a class, run through the JUnit engine as Surefire and Failsafe run it:
 * unmet, each test is skipped with the reason and {@code @BeforeAll} does not run; unmet on CI, the
 * class fails with the reason; met, the tests run.
 */
class PreconditionTest {
  static final String REASON = "frob is not on the PATH; install it: apt-get install frob";
  static final AtomicInteger BEFORE_ALL = new AtomicInteger();
  static final List<String> CONSOLE = new CopyOnWriteArrayList<>();

  static class Unmet {
    @RegisterExtension
    static final Precondition P =
        Precondition.of(() -> Optional.of(REASON), () -> false, CONSOLE::add);

    @BeforeAll
    static void before() {
      BEFORE_ALL.incrementAndGet();
    }

    @Test
    void one() {}

    @Test
    void two() {}
  }

  static class UnmetOnCi {
    @RegisterExtension
    static final Precondition P =
        Precondition.of(() -> Optional.of(REASON), () -> true, CONSOLE::add);

    @Test
    void one() {}
  }

  static class Met {
    @RegisterExtension
    static final Precondition P =
        Precondition.of(Optional::empty, () -> true, CONSOLE::add)
            .and(Precondition.unsetEnvironment("JCTDS_SURELY_UNSET_VARIABLE"));

    @Test
    void one() {}
  }

  private static EngineExecutionResults run(Class<?> testClass) {
    return EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass)).execute();
  }

  @Test
  void unmetSkipsEveryTestWithTheReasonBeforeBeforeAll() {
    int before = BEFORE_ALL.get();
    EngineExecutionResults r = run(Unmet.class);
    assertThat(r.containerEvents().skipped().count()).isEqualTo(1);
    assertThat(r.containerEvents().skipped().stream().map(PreconditionTest::reason))
        .containsExactly(REASON);
    assertThat(BEFORE_ALL.get()).isEqualTo(before);
    assertThat(r.testEvents().started().count()).isZero();
    assertThat(CONSOLE).contains("[jctds] PreconditionTest$Unmet skipped: " + REASON);
  }

  @Test
  void unmetOnCiFailsTheClassWithTheReason() {
    EngineExecutionResults r = run(UnmetOnCi.class);
    assertThat(r.containerEvents().failed().count()).isEqualTo(1);
    Throwable t =
        r.containerEvents().failed().stream()
            .findFirst()
            .flatMap(e -> e.getPayload(org.junit.platform.engine.TestExecutionResult.class))
            .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable)
            .orElseThrow();
    assertThat(t).isInstanceOf(AssertionError.class).hasMessageContaining(REASON);
    assertThat(r.testEvents().started().count()).isZero();
  }

  @Test
  void metRunsTheTests() {
    EngineExecutionResults r = run(Met.class);
    assertThat(r.testEvents().succeeded().count()).isEqualTo(1);
    assertThat(r.containerEvents().skipped().count()).isZero();
  }

  @Test
  void unsetEnvironmentNamesTheVariableThatIsSet() {
    assertThat(Precondition.unsetEnvironment("JCTDS_SURELY_UNSET_VARIABLE").unmet()).isEmpty();
    assertThat(Precondition.unsetEnvironment("JCTDS_SURELY_UNSET_VARIABLE", "PATH").unmet())
        .get()
        .asString()
        .startsWith("PATH is set in this environment");
  }

  @Test
  void executableLooksOnThePath() {
    assertThat(Precondition.executable("sh", "a POSIX system").unmet()).isEmpty();
    assertThat(Precondition.executable("jctds-no-such-program", "nowhere").unmet())
        .contains("jctds-no-such-program is not on the PATH; install it: nowhere");
  }

  private static String reason(Event e) {
    return e.getPayload(String.class).orElse(null);
  }
}
