package kiln.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kiln.cli.StudioCommandIT.Result;
import kiln.testing.TestEngines;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kiln studio list|rm} over the build hosts of a kiln.yaml, by the packaged command: this
 * machine's engine, bin/engines' e1 and e2 ({@code KILN_TEST_ENGINES}, shared: only this test's own
 * leftovers are removed, by --work) and a host whose engine is not there. The leftovers are real: a
 * kiln studio run on e1 and one on e2, each killed while its studio runs.
 */
class StudioHostsIT {

  private static final String MAIN = "unix:///var/run/docker.sock";

  @TempDir Path dir;
  private Path work;
  private Path config;

  @BeforeEach
  void leftoversOnTwoHosts() throws Exception {
    List<String> extra = TestEngines.endpoints(2).stream().map(Object::toString).toList();
    String absent = "unix://" + dir.resolve("no-engine.sock");
    config =
        TinyDistribution.write(
            dir.resolve("distribution"),
            "studio: docker",
            String.join(
                "\n",
                "hosts:",
                "  - {name: main, endpoint: \"" + MAIN + "\"}",
                "  - {name: e1, endpoint: \"" + extra.get(0) + "\"}",
                "  - {name: e2, endpoint: \"" + extra.get(1) + "\"}",
                "  - {name: absent, endpoint: \"" + absent + "\"}",
                ""));
    work = Files.createDirectories(dir.resolve("work"));
    Path tools = StudioCommandIT.smallTools(Files.createDirectories(dir.resolve("tools")));
    StudioCommandIT.killedRun(work, tools, extra.get(0));
    StudioCommandIT.killedRun(work, tools, extra.get(1));
  }

  /** Whatever a test left of its own on e1 and e2 goes, whichever way it ended. */
  @AfterEach
  void removeOurLeftovers() throws Exception {
    List<String> extra = TestEngines.endpoints(2).stream().map(Object::toString).toList();
    StudioCommandIT.kiln(
        "",
        "studio",
        "rm",
        "--work",
        work.toString(),
        "--engine",
        extra.get(0),
        "--engine",
        extra.get(1));
  }

  @Test
  void listShowsEachHostsLeftoversWithItsNameAndNamesTheHostThatDoesNotAnswer() throws Exception {
    Result list = studio("list");

    assertEquals(1, list.code(), "a host did not answer: " + list.err());
    assertEquals(List.of("host=e1", "host=e2"), ours(list), list.out());
    assertTrue(list.out().lines().anyMatch(l -> l.endsWith(" host=main")), list.out());
    assertTrue(
        list.err().contains("build host absent does not answer: "),
        "named in words: " + list.err());
    assertTrue(list.err().contains("no-engine.sock"), list.err());
  }

  @Test
  void hostPicksOneHostAndTheOthersAreLeftAlone() throws Exception {
    Result list = studio("list", "--host", "e2");
    assertEquals(0, list.code(), list.err());
    assertEquals(List.of("host=e2"), ours(list), list.out());

    Result rm = studio("rm", "--host", "e1", "--work", work.toString());
    assertEquals(0, rm.code(), rm.err());
    assertTrue(rm.out().matches("removed container kiln-\\S+ on e1\n"), rm.out());
    assertEquals(List.of("host=e2"), ours(studio("list")), "e2's leftover is still there");

    Result unknown = studio("list", "--host", "e3");
    assertEquals(1, unknown.code());
    assertTrue(
        unknown.err().contains("no build host e3; its hosts: main, e1, e2, absent"), unknown.err());
  }

  @Test
  void rmCleansEveryHostThatAnswersAndNamesTheOneThatDoesNot() throws Exception {
    Result rm = studio("rm", "--work", work.toString());

    assertEquals(1, rm.code(), "a host did not answer: " + rm.err());
    assertEquals(
        List.of("on e1", "on e2"),
        rm.out().lines().map(l -> l.substring(l.lastIndexOf(" on ") + 1)).sorted().toList(),
        rm.out());
    assertTrue(rm.err().contains("build host absent does not answer: "), rm.err());
    assertEquals(List.of(), ours(studio("list")), "nothing of this test left on any host");
  }

  @Test
  void engineStillNamesOneEngineAndIgnoresTheHosts() throws Exception {
    Result list =
        StudioCommandIT.kiln(
            "", "studio", "list", "--engine", TestEngines.endpoints(1).get(0).toString());

    assertEquals(0, list.code(), list.err());
    assertTrue(list.out().lines().anyMatch(l -> l.endsWith("work=" + work)), "e1's: " + list.out());
    assertFalse(list.out().contains("host="), list.out());
  }

  /** {@code kiln studio ARGS --config kiln.yaml}, run from outside the distribution. */
  private Result studio(String... args) throws Exception {
    List<String> all = new ArrayList<>(List.of("studio"));
    all.addAll(List.of(args));
    all.addAll(List.of("--config", config.toString()));
    return StudioCommandIT.kiln("", all.toArray(String[]::new));
  }

  /** Where this test's leftovers are listed: the host part of each line of its work dir, sorted. */
  private List<String> ours(Result list) {
    return list.out()
        .lines()
        .filter(l -> l.contains(" work=" + work + " "))
        .map(l -> l.substring(l.lastIndexOf(' ') + 1))
        .sorted()
        .toList();
  }
}
